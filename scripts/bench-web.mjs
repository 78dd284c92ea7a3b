#!/usr/bin/env node
/**
 * Benchmark of the web app (issue 4), not a timed test. Run after `npm run build`:
 *
 *   node scripts/bench-web.mjs [--db out/bench-web.db] [--quotes 100000] [--samples 400]
 *                              [--duration 10] [--connections 10] [--workers 1,2] [--json]
 *
 * 1. Builds (or reuses, when it already holds enough quotes) a record of generated articles
 *    with hand-built extraction results: 10 quotes an article from 400 invented people, one of
 *    them quoted in a third of all articles (the heaviest person page), 6 outlets, dates over
 *    a year. Building it takes a minute or two; later runs reuse the file.
 * 2. Page server time: article and person pages rendered through Fastify's inject (routing,
 *    store reads, HTML; no network), p50/p95/max over random ids. Target p95 < 50 ms.
 * 3. API throughput: `onrecord serve` in its own process on loopback (once per --workers
 *    count: 1 process, then 2 sharing the port), loaded with autocannon for --duration
 *    seconds on two workloads: a mix of searches (the six query kinds bench-store times),
 *    articles, people and list pages; and the worst case for search alone, the commonest
 *    single words. Target >= 200 requests/s with no errors.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', 'src', p);
if (!existsSync(dist('web/server.js'))) {
  console.error('bench-web: build first (npm run build)');
  process.exit(1);
}
const { openSqliteStore } = await import(dist('store/sqlite.js'));
const { buildServer } = await import(dist('web/server.js'));
const autocannon = (await import('autocannon')).default;

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const DB = opt('db', join(root, 'out', 'bench-web.db'));
const QUOTES = Number(opt('quotes', 100000));
const SAMPLES = Number(opt('samples', 400));
const DURATION = Number(opt('duration', 10));
const CONNECTIONS = Number(opt('connections', 10));
const JSON_OUT = args.includes('--json');
const WORKERS = String(opt('workers', '1,2')).split(',').map(Number);
const log = (...m) => { if (!JSON_OUT) console.log(...m); };

// Deterministic pseudo-random generator so runs compare.
let seed = 7;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];

const FIRST = ['Ada', 'Bruno', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lars', 'Mina', 'Nikhil', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Yara'];
const LAST = ['Abara', 'Brandt', 'Castillo', 'Dubois', 'Eriksen', 'Fontaine', 'Gallo', 'Haddad', 'Ivanova', 'Jansen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quint', 'Rossi', 'Santos', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Zhou'];
const ROLES = ['the mayor', 'a city councillor', 'the transit authority chair', 'a union leader', 'the health minister', 'a local business owner', 'the school board chair', 'a housing advocate'];
const TOPICS = ['budget', 'harbour', 'ferry', 'housing', 'schools', 'hospital', 'bridge', 'library', 'taxes', 'parks', 'police', 'water', 'election', 'transit', 'rents', 'port'];
const OUTLETS = ['Harbour Herald', 'Coastal Daily', 'Northgate Gazette', 'Riverbend Times', 'Lakeshore Ledger', 'Bay Wire'];
const WORDS = 'able about across after again against already also always among answer anyone appear area argue around arrive back bank base bear beat become before begin behind believe benefit better between beyond bill board body book both break bring build burden business call campaign capital care carry case catch cause center central century certain chance change charge check child choice choose citizen city civil claim class clear close cold college come common community company compare concern condition consider continue control cost could country course court cover create crime culture current deal debate decade decide decision deep degree describe design detail develop difference difficult direction discover discuss doctor draw dream drive drop during early east easy economic economy effect effort either election energy enjoy enough enter entire especially establish evening event every evidence exactly example expect experience expert explain face fact fail fall family fast fear federal feel field fight figure final finally financial find fine finish first focus follow food force foreign forget form former forward free friend front full fund future garden general give goal good government great green ground group grow growth guess half hand happen hard head health hear heart heavy help here high history hold home hope hospital hour house however huge human idea identify image imagine impact important improve include increase indeed industry inside instead interest involve issue itself join just keep kind know land large last late later lead leader learn least leave legal less letter level life light likely line listen little live local long look lose loss machine main maintain major make manage many market matter maybe mean measure media medical meet member memory message method middle might million mind minute miss model modern moment money month more morning most move much must nation national natural near nearly need network never news next night none north note nothing notice number offer office often once only open order other outside over owner page pain paper parent part partner party pass past patient pattern peace people perform perhaps period person phone pick picture piece place plan plant play point police policy political poor popular position positive possible power practice prepare present pressure pretty prevent price private probably problem process produce product program project property protect prove provide public purpose push quality question quickly quite race raise range rate rather reach read ready real reason receive recent record reduce reflect region relate remain remember remove report represent require research resource respond rest result return reveal rich right rise risk road role room rule safe same save scene school season seat second section security seek seem sell send senior sense series serious serve service several shake share short should show side sign similar simple simply since single site size skill small social society some someone something sometimes soon sort sound source south space speak special specific spend spring staff stage stand standard start state station stay step still stock stop story strategy street strong structure student study style subject success such suffer suggest summer support sure system table take talk task teach team tell tend term test than thank their then theory there these thing think third those though thought thousand threat three through throughout time today together total tough toward town trade training travel treat tree trial trip trouble true truth turn under understand unit until upon usually value various very view visit voice vote wait walk wall want watch water wear week weight well west whatever when where whether which while white whole wide will wind window wish with within without wonder word work worker world worry would write wrong year young'.split(' ');

const people = Array.from({ length: 400 }, (_, i) => `${FIRST[i % 24]} ${LAST[Math.floor(i / 24) % 24]}${i >= 576 ? ' Jr' : ''}`);
const roleOf = new Map(people.map((p) => [p, pick(ROLES)]));

function sentenceQuote() {
  const n = 10 + Math.floor(rnd() * 14);
  const w = [];
  for (let i = 0; i < n; i++) w.push(i === 0 ? pick(['We', 'This', 'Our', 'The', 'Nobody', 'Everyone', 'I']) : rnd() < 0.08 ? pick(TOPICS) : pick(WORDS));
  return w.join(' ');
}

/** One generated article and its extraction result, offsets computed while writing it. */
function generated(i) {
  // people[0] is the heaviest person page: quoted in a third of the articles.
  const cast = [i % 3 === 0 ? people[0] : pick(people), pick(people), pick(people)];
  const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 365) * 86_400_000).toISOString().slice(0, 10);
  let text = `The council debated the ${pick(TOPICS)} and the ${pick(TOPICS)} on Tuesday in a meeting that ran late into the evening (article ${i}).\n\n`;
  const mentions = new Map(cast.map((p) => [p, []]));
  const quotes = [];
  for (let q = 0; q < 10; q++) {
    const who = cast[q % 3];
    const quote = `“${sentenceQuote()},”`;
    const start = text.length;
    text += quote + ' ';
    const mStart = text.length;
    text += who;
    const mention = { start: mStart, end: mStart + who.length, text: who };
    mentions.get(who).push(mention);
    text += ` said. The room reacted loudly to the remarks on the ${pick(TOPICS)}.\n\n`;
    quotes.push({
      start, end: start + quote.length, text: quote, type: 'direct',
      speaker: { name: who, entity: `p${q % 3}`, mention },
      cue: { start: mStart + who.length + 1, end: mStart + who.length + 5, text: 'said' },
      confidence: 0.9,
    });
  }
  text += `A final vote on the ${pick(TOPICS)} is expected next month.`;
  return {
    article: { source: `bench-${i}`, title: `Council debates the ${pick(TOPICS)} (${i})`, outlet: pick(OUTLETS), published: day, text },
    analysis: {
      quotes,
      people: cast.map((p, k) => ({ id: `p${k}`, name: p, kind: 'person', descriptors: [roleOf.get(p)], mentions: mentions.get(p) })),
    },
  };
}

// 1. the record
mkdirSync(dirname(DB), { recursive: true });
let store = openSqliteStore(DB);
let stats = await store.stats();
if (stats.quotes < QUOTES) {
  log(`bench-web: building a record of ${QUOTES} quotes in ${DB} (reused by later runs)`);
  const t0 = performance.now();
  let i = stats.articles;
  while (stats.quotes < QUOTES) {
    const batch = [];
    for (let k = 0; k < 200; k++) batch.push(generated(i++));
    store.addArticlesSync(batch);
    stats.quotes += 2000;
  }
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.exec("INSERT INTO quotes_fts(quotes_fts) VALUES('optimize')");
  store.db.exec('ANALYZE');
  log(`  built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
stats = await store.stats();
log(`record: ${stats.articles} articles, ${stats.quotes} quotes, ${stats.people} people, ${(statSync(DB).size / 1048576).toFixed(0)} MB`);

// 2. page server time through inject
const app = await buildServer({ store, allowPrivate: false, adminToken: null });
const articleIds = store.db.prepare('SELECT id FROM articles').all().map((r) => r.id);
const personRows = store.db.prepare('SELECT id, name, quote_count FROM people WHERE quote_count > 0 ORDER BY quote_count DESC').all();
const heaviest = personRows[0];

async function timePages(label, urls) {
  for (const u of urls.slice(0, 20)) await app.inject({ method: 'GET', url: u }); // warm-up
  const times = [];
  for (const url of urls) {
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url });
    times.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`${url}: HTTP ${res.statusCode}`);
  }
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  const r = { label, n: times.length, p50: pct(50), p95: pct(95), max: times[times.length - 1] };
  log(`${label.padEnd(28)} n=${r.n}  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms  (target p95 < 50 ms)`);
  return r;
}

const pageResults = [];
const cpuResults = [];
pageResults.push(await timePages('article page', Array.from({ length: SAMPLES }, () => `/articles/${pick(articleIds)}`)));
pageResults.push(await timePages('person page', Array.from({ length: SAMPLES }, () => `/people/${pick(personRows).id}`)));
pageResults.push(await timePages(`person page, heaviest (${heaviest.quote_count} quotes)`, Array.from({ length: Math.min(SAMPLES, 100) }, () => `/people/${heaviest.id}`)));
pageResults.push(await timePages('search page', Array.from({ length: Math.min(SAMPLES, 200) }, () => `/search?q=${pick(TOPICS)}`)));
await app.close();
await store.close();

// 3. API throughput against `onrecord serve` in its own process(es)
// The query kinds bench-store times (a topic, word and topic, a phrase, a speaker, a topic
// with speaker and dates, a topic in one outlet), so the search share of the mix is a spread
// of cheap and costly searches rather than only the costliest.
const SPEAKERS = personRows.slice(0, 400).map((r) => r.name);
const searchQuery = () => {
  const k = Math.floor(rnd() * 6);
  const q = new URLSearchParams();
  if (k === 0) q.set('q', pick(TOPICS));
  else if (k === 1) q.set('q', `${pick(WORDS)} ${pick(TOPICS)}`);
  else if (k === 2) q.set('q', `"${pick(WORDS)} ${pick(WORDS)}"`);
  else if (k === 3) q.set('speaker', pick(SPEAKERS));
  else if (k === 4) {
    q.set('q', pick(TOPICS));
    q.set('speaker', pick(SPEAKERS).split(' ')[1]);
    q.set('since', '2025-03-01');
    q.set('until', '2025-09-30');
  } else {
    q.set('q', pick(TOPICS));
    q.set('outlet', pick(OUTLETS));
  }
  return '/api/quotes?' + q.toString();
};
const MIXES = {
  mixed: {
    label: '30% /api/quotes (six kinds of search), 30% /api/articles/:id, 20% /api/people/:id, 10% /api/articles?page=, 10% /api/people?page=',
    path: () => {
      const r = rnd();
      if (r < 0.3) return searchQuery();
      if (r < 0.6) return `/api/articles/${pick(articleIds)}`;
      if (r < 0.8) return `/api/people/${pick(personRows).id}`;
      if (r < 0.9) return `/api/articles?page=${1 + Math.floor(rnd() * 50)}`;
      return `/api/people?page=${1 + Math.floor(rnd() * 20)}`;
    },
  },
  'search-worst': {
    label: '100% /api/quotes?q=<one of the 16 commonest topic words> (each matches ~7% of all quotes, all ranked)',
    path: () => `/api/quotes?q=${pick(TOPICS)}`,
  },
};
// CPU time per API request, in process (inject: no sockets): unlike wall-clock figures it
// hardly depends on what else the machine is doing, and 1000 / it is what one core can serve.
{
  const cpuStore = openSqliteStore(DB);
  const cpuApp = await buildServer({ store: cpuStore, allowPrivate: false, adminToken: null });
  for (const [mixName, mix] of Object.entries(MIXES)) {
    const urls = Array.from({ length: Math.max(50, SAMPLES) }, () => mix.path());
    for (const u of urls.slice(0, 20)) await cpuApp.inject(u);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const u of urls) {
      const res = await cpuApp.inject(u);
      if (res.statusCode !== 200) throw new Error(`${u}: HTTP ${res.statusCode}`);
    }
    const c = process.cpuUsage(c0);
    const cpuMs = (c.user + c.system) / 1000 / urls.length;
    const wallMs = (performance.now() - t0) / urls.length;
    log(`API ${mixName}, in process: ${cpuMs.toFixed(2)} ms CPU per request (${wallMs.toFixed(2)} ms wall) = ${(1000 / cpuMs).toFixed(0)} requests/s per core`);
    cpuResults.push({ mix: mixName, cpuMsPerRequest: cpuMs, wallMsPerRequest: wallMs, perCore: 1000 / cpuMs });
  }
  await cpuApp.close();
  await cpuStore.close();
}

const apiResults = [];
for (const [mixName, mix] of Object.entries(MIXES)) for (const workers of WORKERS) {
  const child = spawn(process.execPath, [join(root, 'bin', 'onrecord.js'), 'serve', '--db', DB, '--port', '0', '--workers', String(workers)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const base = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/at (http:\/\/[^\s]+?)\/?\n/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const host = new URL(base).host;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: mix.path(), headers: { host } }) }],
  });
  child.kill('SIGTERM');
  await exited;
  const api = {
    mix: mixName,
    workers,
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
  };
  apiResults.push(api);
  log(
    `API ${mixName} on loopback, ${workers} server process${workers > 1 ? 'es' : ''}, ${CONNECTIONS} connections, ${DURATION} s (${mix.label}):\n` +
      `  ${api.requestsPerSecond.toFixed(0)} requests/s (target >= 200), ${api.total} requests, ${api.errors} errors, ${api.timeouts} timeouts, ${api.non2xx} non-2xx; latency p50 ${api.latencyP50} ms, p99 ${api.latencyP99} ms`,
  );
}
log(`load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (other work on the machine slows every figure)`);
if (JSON_OUT) console.log(JSON.stringify({ record: stats, pages: pageResults, api: apiResults, apiCpu: cpuResults, loadavg: loadavg() }, null, 2));

