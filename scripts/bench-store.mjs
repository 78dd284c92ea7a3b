#!/usr/bin/env node
/**
 * Benchmark of the quote record (issue 3), not a timed test. Run after `npm run build`:
 *
 *   node scripts/bench-store.mjs [--articles 10000] [--threads 2] [--quotes 100000] [--searches 300] [--keep DIR] [--json]
 *                                [--rounds 1] [--real FILE | --no-real] [--real-rounds 3]
 *
 * 1. Generates N invented articles (plain “...,” Name said. quotations) as .txt files.
 * 2. Raw extraction throughput: the extraction engine alone over the same texts, on a worker
 *    pool of --threads threads (the engine's own throughput on this machine's cores), measured
 *    before and after each round of ingest; a round's ratio uses the mean of the two.
 * 3. Ingest throughput: `ingest` of the directory into a fresh SQLite record on a pool of the
 *    same size, warmed up alike (reading files, dedupe, extraction, group commits of atomic
 *    articles); also its CPU time per article over all threads, and on the main thread alone
 *    (where the store's writer runs; the rest is the workers' and V8's helper threads'). Then
 *    the same ingest into a store that keeps nothing: the ceiling without the store's own work.
 *    --rounds such rounds alternate with raw extraction, and the medians are reported: this
 *    machine's speed drifts by 15 to 35% between runs.
 * 4. Tops the record up to --quotes quotes (hand-built analyses stored directly, if the
 *    extractor found fewer) and measures search latency (p50/p95/max) over varied queries.
 * 5. Reports the database size.
 * 6. A second corpus of real news text: the texts of a JSONL file read at run time (by default
 *    the PolNeAR training texts in ../shared/data/polnear/train.jsonl, 840 articles of about 900
 *    words; skipped with a message when absent), written as .txt files and measured the same way
 *    (--real-rounds rounds, 3 by default: the corpus is small), with a search
 *    latency over that record. The generated corpus's ~900-word vocabulary makes unrelated
 *    quotations look near-identical, so it overstates the near-duplicate checks; real text has
 *    fewer quotes per word and much more extraction work per article.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, statSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', 'src', p);
if (!existsSync(dist('ingest/ingest.js'))) {
  console.error('bench-store: build first (npm run build)');
  process.exit(1);
}
const { ingest } = await import(dist('ingest/ingest.js'));
const { createPool } = await import(dist('ingest/pool.js'));
const { openSqliteStore } = await import(dist('store/sqlite.js'));

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const N = Number(opt('articles', 10000));
const THREADS = Number(opt('threads', 2));
const QUOTES = Number(opt('quotes', 100000));
const SEARCHES = Number(opt('searches', 300));
const KEEP = opt('keep', null);
const JSON_OUT = args.includes('--json');
const ROUNDS = Number(opt('rounds', 1));
const REAL_ROUNDS = Number(opt('real-rounds', 3));
const REAL = args.includes('--no-real') ? null : opt('real', join(root, '..', 'shared', 'data', 'polnear', 'train.jsonl'));

// Deterministic pseudo-random generator so runs compare.
let seed = 42;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];

const FIRST = ['Ada', 'Bruno', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lars', 'Mina', 'Nikhil', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Yara'];
const LAST = ['Abara', 'Brandt', 'Castillo', 'Dubois', 'Eriksen', 'Fontaine', 'Gallo', 'Haddad', 'Ivanova', 'Jansen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quint', 'Rossi', 'Santos', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Zhou'];
const ROLES = ['the mayor', 'a city councillor', 'the transit authority chair', 'a union leader', 'the health minister', 'a local business owner', 'the school board chair', 'a housing advocate'];
const TOPICS = ['budget', 'harbour', 'ferry', 'housing', 'schools', 'hospital', 'bridge', 'library', 'taxes', 'parks', 'police', 'water', 'election', 'transit', 'rents', 'port'];
const VERBS = ['fund', 'fix', 'build', 'protect', 'expand', 'review', 'delay', 'cut', 'support', 'oppose'];
const OUTLETS = ['Harbour Herald', 'Coastal Daily', 'Northgate Gazette', 'Riverbend Times', 'Lakeshore Ledger', 'Bay Wire'];
const people = Array.from({ length: 400 }, () => `${pick(FIRST)} ${pick(LAST)}`);

const WORDS = (
  'able about above across after again against along already also although always among amount another answer anyone anything appear area argue around arrive ask attack away back bad bank base bear beat become before begin behind believe benefit best better between beyond bill black blood board body book born both break bring brother build burden business buy call camera campaign cancer capital card care career carry case catch cause cell center central century certain chair challenge chance change charge check child choice choose church citizen city civil claim class clear close coach cold collection college color come commercial common community company compare computer concern condition conference congress consider consumer contain continue control cost could country couple course court cover create crime cultural culture current customer cut dark data daughter dead deal death debate decade decide decision deep defense degree democrat describe design despite detail determine develop difference difficult dinner direction director discover discuss disease doctor door down draw dream drive drop drug during early east easy economic economy edge education effect effort eight either election else employee energy enjoy enough enter entire environment especially establish evening event ever every evidence exactly example executive exist expect experience expert explain face fact factor fail fall family far fast father fear federal feel field fight figure fill film final finally financial find fine finger finish fire firm first fish five floor focus follow food foot force foreign forget form former forward four free friend front full fund future game garden general generation girl give glass goal good government great green ground group grow growth guess gun hair half hand hang happen happy hard have head health hear heart heat heavy help here herself high himself history hold home hope hospital hotel hour house however huge human hundred husband idea identify image imagine impact important improve include increase indeed indicate industry information inside instead institution interest international interview investment involve issue item itself join just keep kill kind kitchen know land language large last late later laugh lawyer lead leader learn least leave left legal less letter level life light like likely line list listen little live local long look lose loss love machine magazine main maintain major make manage manager many market marriage material matter maybe mean measure media medical meet meeting member memory mention message method middle might military million mind minute miss mission model modern moment money month more morning most mother mouth move movement movie much music must myself name nation national natural nature near nearly necessary need network never news newspaper next nice night none north note nothing notice number occur offer office officer official often once only onto open operation opportunity option order organization other others outside over owner page pain painting paper parent part participant particular partner party pass past patient pattern peace people perform perhaps period person personal phone physical pick picture piece place plan plant play player point police policy political poor popular population position positive possible power practice prepare present president pressure pretty prevent price private probably problem process produce product production professional program project property protect prove provide public pull purpose push quality question quickly quite race radio raise range rate rather reach read ready real reality realize really reason receive recent recently recognize record reduce reflect region relate relationship religious remain remember remove report represent require research resource respond response rest result return reveal rich right rise risk road rock role room rule safe same save scene school science score season seat second section security seek seem sell send senior sense series serious serve service seven several shake share shoot short shot should shoulder show side sign significant similar simple simply since sing single sister site situation size skill small smile social society soldier some somebody someone something sometimes song soon sort sound source south southern space speak special specific speech spend sport spring staff stage stand standard star start state statement station stay step still stock stop store story strategy street strong structure student study stuff style subject success successful such suddenly suffer suggest summer support sure surface system table take talk task teach teacher team technology television tell tend term test than thank that their them then theory there these they thing think third those though thought thousand threat three through throughout throw thus time today together tonight total tough toward town trade traditional training travel treat treatment tree trial trip trouble true truth turn under understand unit until upon usually value various very victim view violence visit voice vote wait walk wall want watch water weapon wear week weight well west western what whatever when where whether which while white whole whom whose wide wife will wind window wish with within without woman wonder word work worker world worry would write writer wrong yard yeah year young yourself'
).split(' ');

function sentenceQuote() {
  const n = 10 + Math.floor(rnd() * 14);
  const w = [];
  for (let i = 0; i < n; i++) w.push(i === 0 ? pick(['We', 'This', 'Our', 'The', 'Nobody', 'Everyone', 'I']) : rnd() < 0.08 ? pick(TOPICS) : pick(WORDS));
  return w.join(' ');
}

function article(i) {
  const cast = [pick(people), pick(people), pick(people)];
  const paras = [`The council debated the ${pick(TOPICS)} and the ${pick(TOPICS)} on Tuesday, article ${i}, in a meeting that ran late into the evening.`];
  for (let q = 0; q < 10; q++) {
    const who = cast[q % 3];
    const surname = who.split(' ')[1];
    paras.push(
      q < 3
        ? `${who}, ${pick(ROLES)}, spoke next. “${sentenceQuote()},” ${surname} said.`
        : `“${sentenceQuote()},” ${q % 2 ? who : surname} said. The room reacted loudly to the remarks on the ${pick(TOPICS)}.`,
    );
  }
  paras.push(`A final vote on the ${pick(TOPICS)} is expected next month.`);
  return { text: paras.join('\n\n'), outlet: pick(OUTLETS), day: 1 + (i % 28), month: 1 + (i % 12) };
}

const work = KEEP ?? mkdtempSync(join(tmpdir(), 'onrecord-bench-'));
const dir = join(work, 'articles');
mkdirSync(dir, { recursive: true });
const texts = [];
for (let i = 0; i < N; i++) {
  const a = article(i);
  texts.push(a.text);
  writeFileSync(join(dir, `a${String(i).padStart(6, '0')}.txt`), a.text);
}
const log = (...m) => { if (!JSON_OUT) console.log(...m); };

/**
 * CPU milliseconds of this process's main thread so far (reading files, deduplication and, in
 * ingest, the store's writer), from /proc; null where there is none. The rest of a run's CPU is
 * the extraction workers' and V8's helper threads'. Clock ticks are 10 ms.
 */
function mainThreadMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
/** Main-thread CPU ms per article since `from` (a `mainThreadMs()` reading), or null. */
const mainMsSince = (from, n) => {
  const now = mainThreadMs();
  return from === null || now === null ? null : (now - from) / Math.max(1, n);
};
const split = (cpuMs, mainMs) => (mainMs === null ? '' : `: main thread ${mainMs.toFixed(2)}, other threads ${(cpuMs - mainMs).toFixed(2)}`);
log(`bench-store: ${N} generated articles in ${dir}, ${THREADS} threads`);

// 2. raw extraction throughput on the same number of threads, measured before and after the
// ingest (other processes share the CPU; the ratio uses the mean of the two).
async function rawExtraction(texts) {
  const n = texts.length;
  const pool = createPool(THREADS);
  await Promise.all(texts.slice(0, Math.min(200, n)).map((text) => pool.extract({ text }))); // warm-up
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadMs();
  let quotes = 0;
  let next = 0;
  const lanes = Array.from({ length: Math.max(2, THREADS * 4) }, async () => {
    while (next < texts.length) {
      const a = await pool.extract({ text: texts[next++] });
      quotes += a.quotes.length;
    }
  });
  await Promise.all(lanes);
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const mainMs = mainMsSince(main0, n);
  await pool.close();
  return { rate: n / secs, secs, quotes, cpuMs: (cpu.user + cpu.system) / 1000 / n, mainMs };
}

/** Ingest of `dir` into a fresh record at `dbFile` on a warmed-up pool: its rate and CPU time per article. */
async function ingestRun(texts, dir, dbFile) {
  const n = texts.length;
  for (const f of [dbFile, dbFile + '-wal', dbFile + '-shm']) rmSync(f, { force: true });
  const store = openSqliteStore(dbFile);
  let t0 = performance.now();
  const pool = createPool(THREADS);
  await Promise.all(texts.slice(0, Math.min(200, n)).map((text) => pool.extract({ text }))); // warm-up
  const startSecs = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadMs();
  const summary = await ingest([dir], { store, pool });
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const mainMs = mainMsSince(main0, summary.added);
  await pool.close();
  return { store, summary, secs, startSecs, rate: summary.added / secs, cpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, summary.added), mainMs };
}

/**
 * The same ingest into a store that keeps nothing: the ceiling of ingest on these cores without
 * the store's own work (reading files, hashing, extraction, the store's keys on the workers,
 * handing results to the main thread), so the gap to raw extraction splits in two.
 */
async function ceilingRun(texts, dir) {
  const pool = createPool(THREADS);
  await Promise.all(texts.slice(0, Math.min(200, texts.length)).map((text) => pool.extract({ text }))); // warm-up
  const keepsNothing = { findArticle: async () => null, addArticles: async (items) => items.map(() => ({ added: true, articleId: 0, quotes: 0 })) };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadMs();
  const s = await ingest([dir], { store: keepsNothing, pool });
  const rate = s.added / ((performance.now() - t0) / 1000);
  const cpu = process.cpuUsage(cpu0);
  const mainMs = mainMsSince(main0, s.added);
  await pool.close();
  return { rate, cpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, s.added), mainMs };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * `rounds` alternating rounds of raw extraction, ingest into a fresh record and the ceiling,
 * then raw extraction once more. Each round's ratio uses the raw runs on either side of it; the
 * medians are reported (the machine's speed drifts between runs). The last round's record is kept.
 */
async function measure(label, texts, dir, dbFile, rounds) {
  const n = texts.length;
  const raws = [await rawExtraction(texts)];
  const runs = [];
  for (let r = 0; r < rounds; r++) {
    if (runs.length) runs.at(-1).run.store.closeSync();
    const run = await ingestRun(texts, dir, dbFile);
    const ceiling = await ceilingRun(texts, dir);
    raws.push(await rawExtraction(texts));
    const raw = {
      rate: (raws[r].rate + raws[r + 1].rate) / 2,
      cpuMs: (raws[r].cpuMs + raws[r + 1].cpuMs) / 2,
      mainMs: raws[r].mainMs === null || raws[r + 1].mainMs === null ? null : (raws[r].mainMs + raws[r + 1].mainMs) / 2,
    };
    runs.push({ run, ceiling, raw });
    log(`[${label}] round ${r + 1}: raw extraction ${raw.rate.toFixed(1)} articles/s (${raw.cpuMs.toFixed(2)} ms CPU per article); ` +
      `ingest ${run.summary.added} articles in ${run.secs.toFixed(1)}s = ${run.rate.toFixed(1)} articles/s (${run.cpuMs.toFixed(2)} ms CPU, ${run.summary.quotes} quotes, ${run.summary.failed.length} failed) = ${((run.rate / raw.rate) * 100).toFixed(1)}%; ` +
      `store that keeps nothing ${ceiling.rate.toFixed(1)} articles/s = ${((ceiling.rate / raw.rate) * 100).toFixed(1)}%`);
  }
  const med = (f) => median(runs.map(f));
  const rawRate = med((x) => x.raw.rate);
  const rawCpuMs = med((x) => x.raw.cpuMs);
  const ingestRate = med((x) => x.run.rate);
  const cpuMsPerArticle = med((x) => x.run.cpuMs);
  const ceilingRate = med((x) => x.ceiling.rate);
  const ceilingCpuMs = med((x) => x.ceiling.cpuMs);
  const ratio = med((x) => x.run.rate / x.raw.rate);
  const ratioCpu = med((x) => x.raw.cpuMs / x.run.cpuMs);
  const medOrNull = (f) => (runs.every((x) => f(x) !== null) ? med(f) : null);
  const rawMainMs = medOrNull((x) => x.raw.mainMs);
  const ingestMainMs = medOrNull((x) => x.run.mainMs);
  const ceilingMainMs = medOrNull((x) => x.ceiling.mainMs);
  const last = runs.at(-1).run;
  const of = rounds > 1 ? `median of ${rounds} rounds` : '1 round';
  log(`[${label}] raw extraction: ${n} articles, ${rawRate.toFixed(1)} articles/s, ${rawCpuMs.toFixed(2)} ms CPU per article (${raws[0].quotes} quotes; ${of})`);
  log(`[${label}] ingest: ${ingestRate.toFixed(1)} articles/s, ${cpuMsPerArticle.toFixed(2)} ms CPU per article (all threads); worker start and warm-up ${last.startSecs.toFixed(1)}s more`);
  log(`[${label}] ingest / raw extraction = ${(ratio * 100).toFixed(1)}% (target >= 80%; ${of}${rounds > 1 ? ` of ${runs.map((x) => ((x.run.rate / x.raw.rate) * 100).toFixed(1) + '%').join(', ')}` : ''})`);
  // On a busy machine wall-clock rates follow the load; CPU time per article does not. With both
  // runs keeping the cores busy, their CPU-time ratio is the throughput ratio on an idle machine.
  log(`[${label}] by CPU time: ${(ratioCpu * 100).toFixed(1)}% (raw ${rawCpuMs.toFixed(2)}, ingest ${cpuMsPerArticle.toFixed(2)} ms per article${rounds > 1 ? '; medians of the rounds, each of its own' : ''})`);
  if (rawMainMs !== null && ingestMainMs !== null && ceilingMainMs !== null) {
    // Where the store's cost falls: its writer on the main thread, the keys and hand-off on the workers.
    log(`[${label}] CPU ms per article by thread: raw${split(rawCpuMs, rawMainMs)}; store that keeps nothing${split(ceilingCpuMs, ceilingMainMs)}; ingest${split(cpuMsPerArticle, ingestMainMs)}`);
  }
  log(`[${label}] ingest into a store that keeps nothing (the ceiling without the store's work): ${ceilingRate.toFixed(1)} articles/s = ${((ceilingRate / rawRate) * 100).toFixed(1)}% of raw; ` +
    `by CPU time ${ceilingCpuMs.toFixed(2)} ms per article = ${((rawCpuMs / ceilingCpuMs) * 100).toFixed(1)}%`);
  return {
    store: last.store,
    summary: last.summary,
    result: {
      articles: n, rounds, raw_extraction_per_s: rawRate, raw_extraction_runs_per_s: raws.map((r) => r.rate), ingest_per_s: ingestRate, ingest_vs_raw: ratio,
      ingest_cpu_ms_per_article: cpuMsPerArticle, raw_cpu_ms_per_article: rawCpuMs, ingest_vs_raw_by_cpu: ratioCpu, ingest_worker_start_s: last.startSecs,
      ceiling_per_s: ceilingRate, ceiling_vs_raw: ceilingRate / rawRate, ceiling_cpu_ms_per_article: ceilingCpuMs,
      main_thread_cpu_ms_per_article: { raw: rawMainMs, ceiling: ceilingMainMs, ingest: ingestMainMs },
      quotes_extracted: last.summary.quotes,
    },
  };
}

/** Search latency over `store` (p50/p95/max in ms), after a warm-up. */
function searchTimes(store, queries) {
  for (const q of queries.slice(0, 20)) store.searchSync(q); // warm-up
  const times = [];
  let hits = 0;
  for (const q of queries) {
    const s = performance.now();
    hits += store.searchSync(q).length;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  return { p50: pct(50), p95: pct(95), max: times[times.length - 1], hits };
}

const fileSize = (f) => statSync(f).size + (existsSync(f + '-wal') ? statSync(f + '-wal').size : 0);

const dbFile = join(work, 'bench.db');
const synthetic = await measure('generated', texts, dir, dbFile, ROUNDS);
const { store, summary } = synthetic;

// re-ingest: everything already stored
const t0 = performance.now();
const again = await ingest([dir], { store, threads: THREADS });
const reSecs = (performance.now() - t0) / 1000;
log(`re-ingest: ${again.added} added, ${again.duplicates} already stored in ${reSecs.toFixed(1)}s`);

// 4. top up to QUOTES quotes with hand-built analyses, then search latency
let stats = await store.stats();
let extra = 0;
while (stats.quotes < QUOTES) {
  const tx = store.db.transaction(() => {
    for (let k = 0; k < 500 && stats.quotes < QUOTES; k++) {
      const who = pick(people);
      const parts = [];
      const quotes = [];
      let text = `Synthetic top-up article ${extra}. `;
      for (let q = 0; q < 10; q++) {
        const quote = `“${sentenceQuote()},”`;
        const start = text.length;
        text += quote;
        const mStart = text.length + 1;
        text += ` ${who} said. `;
        quotes.push({
          start, end: start + quote.length, text: quote, type: 'direct',
          speaker: { name: who, entity: 'p1', mention: { start: mStart, end: mStart + who.length, text: who } },
          cue: { start: mStart + who.length + 1, end: mStart + who.length + 5, text: 'said' }, confidence: 0.9,
        });
      }
      void parts;
      store.addArticleSync(
        { source: `topup-${extra}`, outlet: pick(OUTLETS), published: `2025-${String(1 + (extra % 12)).padStart(2, '0')}-${String(1 + (extra % 28)).padStart(2, '0')}`, text },
        { quotes, people: [{ id: 'p1', name: who, kind: 'person', descriptors: [], mentions: quotes.map((q) => q.speaker.mention) }] },
      );
      extra++;
      stats.quotes += 10;
    }
  });
  tx();
  stats = await store.stats();
}
log(`record: ${stats.articles} articles, ${stats.quotes} quotes, ${stats.quotations} quotations, ${stats.people} people (${extra} synthetic articles added directly)`);
store.db.pragma('wal_checkpoint(TRUNCATE)');
store.db.exec("INSERT INTO quotes_fts(quotes_fts) VALUES('optimize')");

const queries = [];
for (let i = 0; i < SEARCHES; i++) {
  const r = i % 6;
  if (r === 0) queries.push({ text: pick(TOPICS) });
  else if (r === 1) queries.push({ text: `${pick(WORDS)} ${pick(TOPICS)}` });
  else if (r === 2) queries.push({ text: `"${pick(WORDS)} ${pick(WORDS)}"` });
  else if (r === 3) queries.push({ speaker: pick(people) });
  else if (r === 4) queries.push({ text: pick(TOPICS), speaker: pick(LAST), since: '2025-03-01', until: '2025-09-30' });
  else queries.push({ text: pick(TOPICS), outlet: pick(OUTLETS) });
}
const st = searchTimes(store, queries);
log(`search over ${stats.quotes} quotes (${queries.length} queries, 20 results each): p50 ${st.p50.toFixed(1)} ms, p95 ${st.p95.toFixed(1)} ms, max ${st.max.toFixed(1)} ms (target p95 < 50 ms)`);
store.closeSync();
const size = fileSize(dbFile);
log(`database size: ${(size / 1024 / 1024).toFixed(1)} MB (${dbFile})`);

// 6. real news text: the same measurements on the texts of a JSONL file (read at run time only).
let real = null;
if (!REAL) log('real-text corpus: skipped (--no-real)');
else if (!existsSync(REAL)) log(`real-text corpus: skipped, ${REAL} is absent (--real FILE names a JSONL file of {"text"} lines)`);
else {
  const realTexts = [];
  for (const line of readFileSync(REAL, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const t = JSON.parse(line).text;
      if (typeof t === 'string' && t.trim()) realTexts.push(t);
    } catch {
      // not JSON: skipped
    }
  }
  const realDir = join(work, 'real');
  mkdirSync(realDir, { recursive: true });
  realTexts.forEach((t, i) => writeFileSync(join(realDir, `r${String(i).padStart(6, '0')}.txt`), t));
  log(`real-text corpus: ${realTexts.length} articles from ${REAL}`);
  const realDb = join(work, 'real.db');
  const m = await measure('real', realTexts, realDir, realDb, REAL_ROUNDS);
  const rstats = await m.store.stats();
  // Queries from the record's own words: single words, pairs, speakers, a date filter.
  const words = [...new Set(realTexts.join(' ').toLowerCase().match(/\b[a-z]{5,}\b/g) ?? [])];
  const speakers = (await m.store.people({ top: 200 })).map((p) => p.name);
  const realQueries = [];
  for (let i = 0; i < SEARCHES; i++) {
    const r = i % 4;
    if (r === 0) realQueries.push({ text: pick(words) });
    else if (r === 1) realQueries.push({ text: `${pick(words)} ${pick(words)}` });
    else if (r === 2 && speakers.length) realQueries.push({ speaker: pick(speakers) });
    else realQueries.push({ text: pick(words), since: '2016-01-01' });
  }
  const rs = searchTimes(m.store, realQueries);
  m.store.closeSync();
  const rsize = fileSize(realDb);
  log(`[real] record: ${rstats.articles} articles, ${rstats.quotes} quotes, ${rstats.quotations} quotations, ${rstats.people} people; ` +
    `search (${realQueries.length} queries) p50 ${rs.p50.toFixed(1)} ms, p95 ${rs.p95.toFixed(1)} ms; database size ${(rsize / 1024 / 1024).toFixed(1)} MB`);
  real = { ...m.result, record_quotes: rstats.quotes, quotations: rstats.quotations, people: rstats.people, search_p50_ms: rs.p50, search_p95_ms: rs.p95, db_bytes: rsize };
}

const result = {
  articles: N, threads: THREADS, ...synthetic.result, reingest_seconds: reSecs,
  record_quotes: stats.quotes, search_p50_ms: st.p50, search_p95_ms: st.p95, search_max_ms: st.max, hits_total: st.hits,
  db_bytes: size, real,
};
if (JSON_OUT) console.log(JSON.stringify(result, null, 2));
if (!KEEP) rmSync(work, { recursive: true, force: true });
