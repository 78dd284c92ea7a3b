#!/usr/bin/env node
/**
 * Ingest's main thread alone: `ingest()` over a directory, as the CLI runs it, with the workers'
 * hand-offs replayed from a file rather than extracted (a measuring tool for
 * docs/ingest-budget.md, not a benchmark with targets). Run after `npm run build`:
 *
 *   node scripts/replay-writer.mjs --save FILE --dir DIR      # extract once, save the hand-offs
 *   node scripts/replay-ingest.mjs --replay FILE --dir DIR [--root BUILD] [--store nothing|sqlite]
 *
 * Everything the main thread does for an article runs: the directory walk, reading the file, the
 * binary check, decoding, the text hash, the already-stored check, the pool's bookkeeping (the
 * pool is a stand-in that answers each task from the saved hand-offs, from a macrotask as a
 * worker's message arrives), and with `--store sqlite` the writer into a fresh record. `nothing`
 * (the default) is a store that keeps nothing, as `thread-cpu.mjs --mode nothing` uses: what is
 * left is ingest's own share, apart from the writer. A file of DIR with no saved hand-off is
 * handed an undefined one, which only the `nothing` store accepts.
 *
 * Prints the process CPU an article. For instruction counts (session 25: two runs of one build
 * repeat to within 1% apart from the collector and TurboFan; compare by kind with cg_annotate):
 *
 *   valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=OUT \
 *     node --predictable scripts/replay-ingest.mjs --replay FILE --dir DIR --root BUILD
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const root = resolve(opt('root', fileURLToPath(new URL('..', import.meta.url))));
const dist = (p) => join(root, 'dist', 'src', p);
const file = opt('replay');
const dir = opt('dir');
const storeKind = opt('store', 'nothing');
if (!file || !dir || !['nothing', 'sqlite'].includes(storeKind)) {
  console.error('replay-ingest: --replay FILE --dir DIR [--root BUILD] [--store nothing|sqlite]');
  process.exit(2);
}
const { ingest } = await import(dist('ingest/ingest.js'));
const { openSqliteStore } = await import(dist('store/sqlite.js'));

// Hand-offs by article id (the file name without extension, as ingest names a text file's article).
const saved = deserialize(readFileSync(file));
const byId = new Map(saved.map((s) => [basename(s.path).replace(/\.[^.]+$/, ''), { numbers: s.numbers, strings: s.strings, keys: s.keys }]));
const unused = async () => {
  throw new Error('replay-ingest: text files only');
};
const pool = {
  threads: 2,
  parse: unused,
  extract: unused,
  extractForStore: (task) => new Promise((done) => setImmediate(() => done(byId.get(task.id)))),
  close: async () => {},
};
const work = mkdtempSync(join(tmpdir(), 'onrecord-replay-ingest-'));
const store =
  storeKind === 'nothing'
    ? { findArticle: async () => null, addArticles: async (items) => items.map(() => ({ added: true, articleId: 0, quotes: 0 })) }
    : openSqliteStore(join(work, 'record.db'));
const cpu0 = process.cpuUsage();
const summary = await ingest([dir], { store, pool });
const cpu = process.cpuUsage(cpu0);
store.closeSync?.();
rmSync(work, { recursive: true, force: true });
console.log(
  `replay-ingest: ${summary.articles} articles (${summary.added} added, ${summary.duplicates} already stored, ${summary.failed.length} failed), ` +
    `${((cpu.user + cpu.system) / 1000 / Math.max(1, summary.articles)).toFixed(4)} ms of process CPU an article`,
);
