#!/usr/bin/env node
/**
 * Where a run's CPU goes, by kind of thread (a measuring tool for docs/ingest-budget.md, not a
 * benchmark with targets). Run after `npm run build`:
 *
 *   node scripts/thread-cpu.mjs [--mode raw|nothing|ingest] [--warm N] [--threads 2] [--dir DIR]
 *
 * Runs one pass over a corpus on a worker pool and reads every thread's CPU time from
 * /proc/self/task before and after it, in three classes:
 * - main: the main thread (reading files, dispatch, and in `ingest` the store's writer);
 * - V8 platform: the threads that exist before the pool starts, apart from the main thread.
 *   They are V8's helper threads, shared by every isolate of the process: concurrent
 *   (re)compilation by TurboFan, and the concurrent and parallel phases of garbage collection;
 * - workers: the pool's threads (extraction, and in `nothing` and `ingest` the store's keys and the
 *   hand-off).
 * All threads are named `node`, so they are told apart by when they were started.
 *
 * Modes: `raw` is extraction alone; `nothing` is an ingest into a store that keeps nothing;
 * `ingest` is an ingest into a fresh SQLite record. Before the measured pass, the pool extracts
 * 200 texts, then --warm N more passes over the whole corpus (V8 keeps compiling for a long
 * time: see the session 21 section of docs/ingest-budget.md).
 *
 * V8 flags given to node apply to every thread (`--no-concurrent-recompilation` moves the
 * compiler's work onto the threads that run the code).
 *
 * The corpus is the .txt files of --dir, by default the PolNeAR dev and train texts read at run
 * time from ../shared and written to a temporary directory. Linux only (/proc).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', 'src', p);
if (!existsSync(dist('ingest/ingest.js'))) {
  console.error('thread-cpu: build first (npm run build)');
  process.exit(1);
}
if (!existsSync('/proc/self/task')) {
  console.error('thread-cpu: needs /proc/self/task (Linux)');
  process.exit(1);
}
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const MODE = opt('mode', 'raw');
const WARM = Number(opt('warm', 1));
const THREADS = Number(opt('threads', 2));
if (!['raw', 'nothing', 'ingest'].includes(MODE)) {
  console.error(`thread-cpu: --mode must be raw, nothing or ingest, not ${MODE}`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'onrecord-threads-'));
let dir = opt('dir', null);
if (!dir) {
  dir = join(work, 'articles');
  const files = ['dev', 'train'].map((s) => join(root, '..', 'shared', 'data', 'polnear', `${s}.jsonl`)).filter(existsSync);
  if (files.length === 0) {
    console.error('thread-cpu: no --dir and no ../shared/data/polnear texts to read');
    process.exit(1);
  }
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir);
  let i = 0;
  for (const f of files) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (line.trim()) writeFileSync(join(dir, `a${i++}.txt`), JSON.parse(line).text);
    }
  }
}
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));

/** CPU ticks (user + system, 1/100 s) of every thread of this process, by thread id. */
function threadTicks() {
  const ticks = new Map();
  for (const tid of readdirSync('/proc/self/task')) {
    // Fields after the command name, which is in parentheses: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
    ticks.set(Number(tid), Number(fields[11]) + Number(fields[12]));
  }
  return ticks;
}

const beforePool = new Set(threadTicks().keys());
// V8 flags given to node (`node --no-concurrent-recompilation scripts/thread-cpu.mjs`) hold for the
// whole process already, and a worker refuses them in its own options: start the pool without them.
process.execArgv = [];
const { createPool } = await import(dist('ingest/pool.js'));
const { ingest } = await import(dist('ingest/ingest.js'));
const { openSqliteStore } = await import(dist('store/sqlite.js'));
const pool = createPool(THREADS);
await Promise.all(texts.slice(0, 200).map((text) => pool.extract({ text })));
for (let k = 0; k < WARM; k++) await Promise.all(texts.map((text) => pool.extract({ text })));

const start = threadTicks();
const t0 = performance.now();
let articles = texts.length;
if (MODE === 'raw') {
  await Promise.all(texts.map((text) => pool.extract({ text })));
} else {
  const store = MODE === 'nothing'
    ? { findArticle: async () => null, addArticles: async (items) => items.map(() => ({ added: true, articleId: 0, quotes: 0 })) }
    : openSqliteStore(join(work, 'record.db'));
  const summary = await ingest([dir], { store, pool });
  articles = summary.added;
  if (store.closeSync) store.closeSync();
}
const secs = (performance.now() - t0) / 1000;
const end = threadTicks();
await pool.close();
rmSync(work, { recursive: true, force: true });

const ms = { main: 0, platform: 0, workers: 0 };
for (const [tid, t] of end) {
  const used = (t - (start.get(tid) ?? 0)) * 10;
  if (tid === process.pid) ms.main += used;
  else if (beforePool.has(tid)) ms.platform += used;
  else ms.workers += used;
}
const per = (v) => (v / Math.max(1, articles)).toFixed(2);
console.log(`thread-cpu ${MODE}: ${articles} articles in ${secs.toFixed(1)} s after ${WARM} warm-up pass(es); CPU ms per article: ` +
  `main ${per(ms.main)}, V8 platform ${per(ms.platform)}, workers ${per(ms.workers)}, all ${per(ms.main + ms.platform + ms.workers)}`);
