#!/usr/bin/env node
/**
 * Where the SQLite writer's time goes, statement by statement (a measuring tool for
 * docs/ingest-budget.md, not a benchmark with targets). Run after `npm run build`:
 *
 *   node scripts/profile-writer.mjs [--real FILE | --dir DIR | --generated N] [--rounds 3] [--count [--no-write]]
 *
 * Extracts the texts once (inline), prepares their keys as the workers would, then writes them
 * into a fresh record in batches of 1,000 articles, timing every statement the writer runs.
 * Prints the writer's time per article, and each statement's share: ms per article, µs per
 * call, calls per article. The last of --rounds rounds is printed (the first ones warm up).
 * By default the texts are the PolNeAR training texts read at run time from ../shared; --dir
 * reads the .txt files of a directory (bench:store --keep DIR leaves its corpus in DIR/articles).
 *
 * --count writes once, as ingest does (the workers' JSON hand-off, groups of 1,000), with no
 * timers: a run to count instructions. Under valgrind, with V8 in its predictable mode (compiler
 * and collector on the main thread, no timers) so that the count repeats to about 0.02% whatever
 * else the machine runs (docs/ingest-budget.md, sessions 10 and 11):
 *
 *   valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
 *     node --predictable scripts/profile-writer.mjs --dir DIR --count [--no-write]
 *
 * The count less the same run with --no-write (everything but the writes) is the writer's.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', 'src', p);
if (!existsSync(dist('store/sqlite.js'))) {
  console.error('profile-writer: build first (npm run build)');
  process.exit(1);
}
const { analyze } = await import(dist('index.js'));
const { prepareArticle } = await import(dist('store/prepare.js'));
const { openSqliteStore } = await import(dist('store/sqlite.js'));
const { packExtracted } = await import(dist('store/wire.js'));

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const ROUNDS = Number(opt('rounds', 3));
const GENERATED = Number(opt('generated', 0));
const REAL = opt('real', join(root, '..', 'shared', 'data', 'polnear', 'train.jsonl'));
const DIR = opt('dir', null);
const COUNT = args.includes('--count');
const WRITE = !args.includes('--no-write');

let texts;
if (GENERATED > 0) {
  // Short articles dense with direct quotations from a small vocabulary, as bench:store's.
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const words = 'budget harbour ferry housing schools hospital bridge library taxes parks police water election transit rents port plan city council money people year work time'.split(' ');
  const names = ['Ada Okafor', 'Bruno Castillo', 'Carla Jansen', 'Dmitri Rossi', 'Elena Weber', 'Farid Tanaka'];
  texts = Array.from({ length: GENERATED }, (_, i) => {
    const paras = [`The council met on Tuesday, article ${i}.`];
    for (let q = 0; q < 10; q++) {
      const quote = Array.from({ length: 10 + Math.floor(rnd() * 14) }, () => words[Math.floor(rnd() * words.length)]).join(' ');
      paras.push(`“We ${quote},” ${names[(i + q) % names.length]} said.`);
    }
    return paras.join('\n\n');
  });
} else if (DIR) {
  texts = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(DIR, f), 'utf8'));
} else {
  if (!existsSync(REAL)) {
    console.error(`profile-writer: ${REAL} is absent (--real FILE names a JSONL file of {"text"} lines, or use --generated N)`);
    process.exit(1);
  }
  texts = readFileSync(REAL, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text).filter((t) => typeof t === 'string' && t.trim());
}
const items = texts.map((text, i) => {
  const article = { source: `t${i}`, text };
  const analysis = analyze(text);
  return { article, analysis, prepared: prepareArticle(article, analysis) };
});
console.log(`profile-writer: ${items.length} articles, ${items.reduce((n, it) => n + it.analysis.quotes.length, 0)} quotes`);

if (COUNT) {
  // As the ingest's writer gets them: the workers' packed hand-off, unpacked on the writer's thread.
  const handed = items.map((it) => ({ article: it.article, extracted: packExtracted(it.analysis, it.prepared) }));
  const work = mkdtempSync(join(tmpdir(), 'onrecord-profile-'));
  try {
    const store = openSqliteStore(join(work, 'count.db'));
    const cpu0 = process.cpuUsage();
    if (WRITE) {
      for (let i = 0; i < handed.length; i += 1000) {
        const group = store.openGroup();
        for (const item of handed.slice(i, i + 1000)) group.add(item);
        group.commit();
      }
    }
    const cpu = process.cpuUsage(cpu0);
    store.closeSync();
    console.log(WRITE ? `writer: ${((cpu.user + cpu.system) / 1000 / handed.length).toFixed(3)} ms of CPU per article (one run, untimed statements)` : 'not written (--no-write)');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

// Every statement's run/get/all/iterate, timed by its SQL text.
const times = new Map();
const proto = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1'));
for (const method of ['run', 'get', 'all', 'iterate']) {
  const original = proto[method];
  proto[method] = function (...params) {
    const t0 = performance.now();
    try {
      return original.apply(this, params);
    } finally {
      const key = this.source.replace(/\s+/g, ' ').slice(0, 100);
      const entry = times.get(key) ?? { ms: 0, calls: 0 };
      entry.ms += performance.now() - t0;
      entry.calls++;
      times.set(key, entry);
    }
  };
}

const work = mkdtempSync(join(tmpdir(), 'onrecord-profile-'));
try {
  for (let round = 1; round <= ROUNDS; round++) {
    times.clear();
    const file = join(work, `r${round}.db`);
    const store = openSqliteStore(file);
    const t0 = performance.now();
    for (let i = 0; i < items.length; i += 1000) await store.addArticles(items.slice(i, i + 1000));
    const total = performance.now() - t0;
    store.closeSync();
    if (round < ROUNDS) continue;
    const n = items.length;
    const rows = [...times].sort((a, b) => b[1].ms - a[1].ms);
    const statements = rows.reduce((s, [, e]) => s + e.ms, 0);
    console.log(`writer: ${(total / n).toFixed(3)} ms per article, of which statements ${(statements / n).toFixed(3)} (round ${round} of ${ROUNDS})`);
    for (const [sql, e] of rows.slice(0, 25)) {
      console.log(`${(e.ms / n).toFixed(3)} ms/article  ${((e.ms * 1000) / e.calls).toFixed(1).padStart(8)} µs/call  ${(e.calls / n).toFixed(1).padStart(5)} calls/article  ${sql}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
