#!/usr/bin/env node
/**
 * Benchmark of the scale-out (issue 5), not a timed test. Run after `npm run build`:
 *
 *   node scripts/bench-scale.mjs [--articles 3000] [--batch 25] [--concurrency 4] [--workers 1,2] [--json]
 *
 * Uses the PostgreSQL and Redis servers named by ONRECORD_TEST_PG and ONRECORD_TEST_REDIS, or
 * starts throwaway ones with .ci/services when they are not set (and stops them at the end).
 *
 * 1. Generates N invented articles (about 10 quotations each by three speakers drawn from 3,000
 *    people with Zipf popularity: a few people are in many articles) as one JSONL file.
 * 2. The extraction engine alone, on this process's one thread: the per-core ceiling.
 * 3. For each worker count W: a fresh database and queue, `ingest --queue` (not timed), then W
 *    `onrecord worker --until-idle` processes at once, each extracting on its own thread.
 *    Throughput is taken over the steady part (first to last commit in the record) and over
 *    the whole run (process start to exit, with start-up and the idle check).
 * `--save FILE` keeps a copy of the generated articles; `--workers ''` skips the worker runs.
 * 4. Prints articles/s, articles/hour per worker process, and the ratio of two workers to one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin', 'onrecord.js');
if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) {
  console.error('bench-scale: build first (npm run build)');
  process.exit(1);
}
const { analyze } = await import(join(root, 'dist', 'src', 'index.js'));
const pg = (await import('pg')).default;

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const N = Number(opt('articles', 3000));
const BATCH = Number(opt('batch', 25));
const CONCURRENCY = Number(opt('concurrency', 4));
const WORKERS = String(opt('workers', '1,2')).split(',').filter(Boolean).map(Number);
const JSON_OUT = args.includes('--json');
const log = (...m) => {
  if (!JSON_OUT) console.log(...m);
};

// --- Servers --------------------------------------------------------------------------------
let pgUrl = process.env.ONRECORD_TEST_PG;
let redisUrl = process.env.ONRECORD_TEST_REDIS;
let services = null;
if (!pgUrl || !redisUrl) {
  // .ci/services stops the servers when its shell exits: the shell waits on our stdin.
  services = spawn('bash', ['-c', 'source .ci/services >&2 && echo "$ONRECORD_TEST_PG $ONRECORD_TEST_REDIS" && read -r _'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    let out = '';
    services.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.trim());
    });
    services.on('exit', (code) => reject(new Error(`.ci/services failed (exit ${code})`)));
  });
  [pgUrl, redisUrl] = line.split(' ');
}
const stopServices = async () => {
  if (!services) return;
  services.stdin.end();
  await new Promise((r) => services.on('exit', r));
};

// --- Articles -------------------------------------------------------------------------------
let seed = 42;
const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const FIRST = ['Ada', 'Bruno', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lars', 'Mina', 'Nikhil', 'Olga', 'Pablo'];
const LAST = ['Abara', 'Brandt', 'Castillo', 'Dubois', 'Eriksen', 'Fontaine', 'Gallo', 'Haddad', 'Ivanova', 'Jansen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov'];
const ROLES = ['the mayor', 'a city councillor', 'the transit authority chair', 'a union leader', 'the health minister', 'a local business owner'];
const TOPICS = ['budget', 'harbour', 'ferry', 'housing', 'schools', 'hospital', 'bridge', 'library', 'taxes', 'parks', 'water', 'transit'];
const OUTLETS = ['Harbour Herald', 'Coastal Daily', 'Northgate Gazette', 'Riverbend Times', 'Lakeshore Ledger', 'Bay Wire'];
const WORDS = (
  'able about across after again against already also always among answer appear area around ask away back bank base become before begin ' +
  'behind believe benefit better between bill board body book both break bring build business call campaign capital care carry case cause ' +
  'center century chance change charge child choice city claim class clear close common community company concern condition consider ' +
  'continue control cost country course court cover create current deal debate decade decide decision deep describe detail develop ' +
  'difference difficult direction discuss during early economic economy effect effort election energy enough entire environment evening ' +
  'event evidence exactly example expect experience explain family federal field figure final financial follow force foreign forward ' +
  'future general government great ground group growth health history hold home hope hospital house however human idea important improve ' +
  'include increase industry information interest issue job keep kind land language large later law lead leader learn least leave level ' +
  'local long major manage market matter measure meeting member money month morning nation national nature need network never news next ' +
  'office often open order other owner paper party pass past patient pay people period person place plan play point police policy ' +
  'political power pressure price private problem process program project property protect provide public question quickly reason ' +
  'recent record reduce region remain report require research resource result return right rise risk road rule safe save school season ' +
  'security seek sense series serious serve service several share short side significant simple since situation small social society ' +
  'source south space special staff stage standard start state statement stay still stock stop strategy street strong student study ' +
  'success support system table team term thing think thousand threat through today together total town trade training travel treat ' +
  'trial trouble true truth turn under understand until value various view visit voice vote wait wall want watch water week west whole wide'
).split(' ');
// A news-like cast: thousands of people, a few of them in many articles (Zipf popularity), and
// surnames from syllables so that they are not all shared by everyone.
const SYL = ['ba', 'ko', 'ri', 'ten', 'mo', 'sa', 'vel', 'du', 'nor', 'fi', 'lan', 'che', 'go', 'ra', 'mi', 'ost', 'pe', 'zan', 'hu', 'li'];
const surname = (i) => {
  const a = SYL[i % 20];
  const b = SYL[Math.floor(i / 20) % 20];
  const c = SYL[Math.floor(i / 400) % 20];
  return (a + b + (i >= 400 ? c : '')).replace(/^./, (x) => x.toUpperCase());
};
const people = Array.from({ length: 3000 }, (_, i) => `${pick(FIRST)} ${i < LAST.length ? LAST[i] : surname(i)}`);
const zipf = (() => {
  const w = people.map((_, i) => 1 / (i + 1));
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
})();
const popular = () => {
  const r = rnd();
  let lo = 0;
  let hi = zipf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zipf[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return people[lo];
};
const sentence = () => {
  const n = 10 + Math.floor(rnd() * 14);
  const w = [pick(['We', 'This', 'Our', 'The', 'Nobody', 'Everyone', 'I'])];
  for (let i = 1; i < n; i++) w.push(rnd() < 0.08 ? pick(TOPICS) : pick(WORDS));
  return w.join(' ');
};
function article(i) {
  const cast = [popular(), popular(), popular()];
  const paras = [`The council debated the ${pick(TOPICS)} and the ${pick(TOPICS)} on Tuesday, item ${i}, in a meeting that ran late.`];
  for (let q = 0; q < 10; q++) {
    const who = cast[q % 3];
    const surname = who.split(' ')[1];
    paras.push(
      q < 3
        ? `${who}, ${pick(ROLES)}, spoke next. “${sentence()},” ${surname} said. ${sentence()}.`
        : `“${sentence()},” ${q % 2 ? who : surname} said. The room reacted to the remarks on the ${pick(TOPICS)}. ${sentence()}.`,
    );
  }
  paras.push(`A final vote on the ${pick(TOPICS)} is expected next month.`);
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (i % 12)).padStart(2, '0');
  return { id: `bench-${i}`, text: paras.join('\n\n'), outlet: pick(OUTLETS), published: `2025-${month}-${day}` };
}

const work = mkdtempSync(join(tmpdir(), 'onrecord-bench-scale-'));
const file = join(work, 'articles.jsonl');
const all = Array.from({ length: N }, (_, i) => article(i));
writeFileSync(file, all.map((a) => JSON.stringify(a)).join('\n') + '\n');
if (opt('save', null)) writeFileSync(opt('save'), all.map((a) => JSON.stringify(a)).join('\n') + '\n');
const words = all.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
log(`bench-scale: ${N} generated articles (${Math.round(words / N)} words each on average), jobs of ${BATCH}, --concurrency ${CONCURRENCY}`);

// --- The engine alone -----------------------------------------------------------------------
for (const a of all.slice(0, 100)) analyze(a.text); // warm-up
let t0 = performance.now();
let rawQuotes = 0;
const sample = all.slice(0, Math.min(N, 1500));
for (const a of sample) rawQuotes += analyze(a.text).quotes.length;
const rawRate = sample.length / ((performance.now() - t0) / 1000);
log(`extraction alone, one thread: ${rawRate.toFixed(1)} articles/s (${(rawQuotes / sample.length).toFixed(1)} quotes per article)`);

// --- Workers --------------------------------------------------------------------------------
async function sql(url, text) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

function runWorker(db, queue) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [BIN, 'worker', '--queue', redisUrl, '--queue-name', queue, '--db', db, '--concurrency', String(CONCURRENCY), '--until-idle', '--format', 'json'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

// --- CPU accounting ---------------------------------------------------------------------------
// The machine may be shared, so besides wall-clock rates the bench counts the CPU time the
// pipeline used: the workers' own (they report it), PostgreSQL's (the postmaster and every
// backend, including the ones that have exited: /proc, when the server runs here) and Redis's
// (INFO cpu). Articles per CPU-second is what one dedicated core would do.
const TICK = 100; // USER_HZ on Linux
function procCpu(pid, withChildren) {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // fields after "(comm) ": state=0 ... utime=11 stime=12 cutime=13 cstime=14
  return (Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0)) / TICK;
}
async function pgCpu() {
  try {
    const [{ d }] = await sql(pgUrl, "SELECT setting AS d FROM pg_settings WHERE name = 'data_directory'");
    const master = Number(readFileSync(join(d, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let total = procCpu(master, true);
    for (const e of readdirSync('/proc')) {
      if (!/^\d+$/.test(e)) continue;
      try {
        const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
        if (Number(stat.split(') ')[1].split(' ')[1]) === master) total += procCpu(Number(e), false);
      } catch {
        // gone meanwhile
      }
    }
    return total;
  } catch {
    return null; // not on this machine, or not readable
  }
}
function redisCpu() {
  const r = spawnSync('redis-cli', ['-u', redisUrl, 'info', 'cpu'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const v = (k) => Number((r.stdout.match(new RegExp(`^${k}:([\\d.]+)`, 'm')) ?? [])[1] ?? NaN);
  const t = v('used_cpu_sys') + v('used_cpu_user');
  return Number.isFinite(t) ? t : null;
}

const results = [];
try {
  for (const w of WORKERS) {
    const dbName = 'onrecord_bench_' + randomBytes(4).toString('hex');
    await sql(pgUrl, `CREATE DATABASE ${dbName}`);
    const u = new URL(pgUrl);
    u.pathname = '/' + dbName;
    const db = u.toString();
    const queue = 'bench-' + randomBytes(4).toString('hex');
    try {
      // Create the schema first so that workers start on equal terms.
      const people = spawnSync(process.execPath, [BIN, 'ingest', '--db', db, '--threads', '0', '--no-progress', join(root, 'samples', 'harbour-ferry.txt')], { cwd: root });
      if (people.status !== 0) throw new Error('could not create the record: ' + people.stderr);
      await sql(db, 'TRUNCATE articles, people, quotations, quotes, article_people, person_aliases, person_descriptors, person_names, quotation_bands, quotation_keys');
      const q = spawnSync(process.execPath, [BIN, 'ingest', '--queue', redisUrl, '--queue-name', queue, '--batch', String(BATCH), '--format', 'json', file], { cwd: root, encoding: 'utf8' });
      if (q.status !== 0) throw new Error('enqueue failed: ' + q.stderr);
      const pg0 = await pgCpu();
      const redis0 = redisCpu();
      t0 = performance.now();
      const summaries = await Promise.all(Array.from({ length: w }, () => runWorker(db, queue)));
      const wall = (performance.now() - t0) / 1000;
      const pg1 = await pgCpu();
      const redis1 = redisCpu();
      const [{ n, secs, quotes }] = await sql(
        db,
        `SELECT COUNT(*)::int AS n, EXTRACT(EPOCH FROM MAX(ingested_at) - MIN(ingested_at))::float8 AS secs,
           (SELECT COUNT(*)::int FROM quotes) AS quotes FROM articles`,
      );
      if (n !== N) throw new Error(`expected ${N} articles in the record, found ${n}`);
      const [{ bytes }] = await sql(db, 'SELECT pg_database_size(current_database())::float8 AS bytes');
      // Rolled-back transactions: articles retried after a lock conflict (or already stored).
      const [{ rollbacks }] = await sql(db, 'SELECT xact_rollback::int AS rollbacks FROM pg_stat_database WHERE datname = current_database()');
      const steady = (n - 1) / secs;
      const r = {
        workers: w,
        articles: n,
        quotes,
        wallSeconds: +wall.toFixed(2),
        wallRate: +(n / wall).toFixed(1),
        steadySeconds: +secs.toFixed(2),
        steadyRate: +steady.toFixed(1),
        perWorkerPerHour: Math.round((steady * 3600) / w),
        jobsPerWorker: summaries.map((s) => s.jobs),
        databaseBytesPerArticle: Math.round(bytes / n),
        rollbacks,
        cpu: {
          workers: +summaries.reduce((t, s) => t + s.cpuSeconds, 0).toFixed(2),
          postgres: pg0 !== null && pg1 !== null ? +(pg1 - pg0).toFixed(2) : null,
          redis: redis0 !== null && redis1 !== null ? +(redis1 - redis0).toFixed(2) : null,
        },
      };
      const cpuTotal = r.cpu.workers + (r.cpu.postgres ?? 0) + (r.cpu.redis ?? 0);
      r.cpuMsPerArticle = {
        worker: +((r.cpu.workers * 1000) / n).toFixed(2),
        postgres: r.cpu.postgres === null ? null : +((r.cpu.postgres * 1000) / n).toFixed(2),
        redis: r.cpu.redis === null ? null : +((r.cpu.redis * 1000) / n).toFixed(2),
        total: +((cpuTotal * 1000) / n).toFixed(2),
      };
      r.articlesPerCoreHour = Math.round((3600 * n) / cpuTotal);
      results.push(r);
      log(
        `${w} worker${w > 1 ? 's' : ' '}: ${r.steadyRate} articles/s steady (${r.steadySeconds}s first to last commit), ` +
          `${r.wallRate} articles/s wall (${r.wallSeconds}s with start-up), ${r.perWorkerPerHour.toLocaleString('en')} articles/hour per worker, jobs ${r.jobsPerWorker.join('+')}`,
      );
      log(
        `   CPU per article: worker ${r.cpuMsPerArticle.worker} ms, PostgreSQL ${r.cpuMsPerArticle.postgres ?? '?'} ms, ` +
          `Redis ${r.cpuMsPerArticle.redis ?? '?'} ms = ${r.cpuMsPerArticle.total} ms: ${r.articlesPerCoreHour.toLocaleString('en')} articles per core-hour; ` +
          `database ${(r.databaseBytesPerArticle / 1024).toFixed(1)} KB per article; ${rollbacks} transactions rolled back and retried`,
      );
    } finally {
      await sql(pgUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  await stopServices();
}

const one = results.find((r) => r.workers === 1);
const two = results.find((r) => r.workers === 2);
const ratio = one && two ? two.steadyRate / one.steadyRate : null;
if (ratio !== null) log(`two workers / one worker = ${ratio.toFixed(2)} (target >= 1.7 on two cores); wall-clock ratio ${(two.wallRate / one.wallRate).toFixed(2)}`);
if (one) log(`pipeline / extraction alone (one worker) = ${((one.steadyRate / rawRate) * 100).toFixed(0)}%`);
// What two dedicated cores would give, from the CPU counts: one worker keeps one core busy
// with its own work while the servers use the other; two workers share both with the servers.
let cpuRatio = null;
if (one && one.cpuMsPerArticle.postgres !== null) {
  const c = one.cpuMsPerArticle;
  const oneRate = 1000 / Math.max(c.worker, c.postgres + (c.redis ?? 0));
  const twoRate = 2000 / c.total;
  cpuRatio = twoRate / oneRate;
  log(`from CPU time, on two otherwise idle cores: one worker ${oneRate.toFixed(0)}/s, two ${twoRate.toFixed(0)}/s, ratio ${cpuRatio.toFixed(2)}`);
}
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
log(`load average at the end: ${load} (other processes on the machine skew the wall-clock rates)`);
if (JSON_OUT) console.log(JSON.stringify({ articles: N, batch: BATCH, concurrency: CONCURRENCY, extractionAlone: +rawRate.toFixed(1), results, ratio, cpuRatio, load }, null, 2));
