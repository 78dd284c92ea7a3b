#!/usr/bin/env node
/**
 * The writer's part of an ingest, replayed from saved hand-offs (a measuring tool for
 * docs/ingest-budget.md, not a benchmark with targets). Run after `npm run build`:
 *
 *   node scripts/replay-writer.mjs --save FILE --dir DIR        # extract once, save the hand-offs
 *   node scripts/replay-writer.mjs --replay FILE [--root BUILD] [--no-write] [--keep]
 *
 * --save extracts every .txt file of DIR as a worker does (`extractForStore`) and saves the
 * packed hand-offs with their paths (v8 serialisation). --replay writes them as ingest's main
 * thread does: read the file and hash it in one pass (`readTextFile`, bytes kept; before session
 * 26, `readTextArticle` and a hash of its own), look it up, add it to the
 * open group, commit every 1,000 articles; into a fresh record, with the build at --root
 * (default: this checkout), so that two builds replay the same hand-offs. Extraction is not in
 * the run: under valgrind a replay of 3,000 articles takes minutes rather than an hour.
 *
 *   valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=OUT \
 *     node --predictable scripts/replay-writer.mjs --replay FILE --root BUILD
 *
 * (Session 24: two runs of one build differed by up to a few hundred million instructions, nearly
 * all of it in the garbage collector: compare builds by kind of code with cg_annotate.)
 * `node --trace-opt --trace-deopt` on a replay shows what the writer compiles; a replay commits
 * at fixed points, so --keep leaves the record (its path is printed) to compare two builds' tables.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const root = resolve(opt('root', fileURLToPath(new URL('..', import.meta.url))));
const dist = (p) => join(root, 'dist', 'src', p);
const GROUP = 1000;

const { readTextArticle, readTextFile } = await import(dist('ingest/text.js'));
const { articleTextHash } = await import(dist('store/normalize.js'));

if (opt('save')) await save(opt('save'), opt('dir'));
else if (opt('replay')) await replay(opt('replay'));
else {
  console.error('replay-writer: --save FILE --dir DIR, or --replay FILE');
  process.exit(2);
}

async function save(file, dir) {
  const { extractForStore } = await import(dist('ingest/worker.js'));
  const saved = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const path = join(dir, name);
    const article = await readTextArticle(path, true);
    const textHash = articleTextHash(article.text, article.textUtf8);
    const { numbers, strings, keys } = extractForStore({ text: article.text, textHash, id: article.externalId });
    saved.push({ path, numbers, strings, keys });
  }
  writeFileSync(file, serialize(saved));
  console.log(`replay-writer: ${saved.length} hand-offs saved to ${file}`);
}

async function replay(file) {
  const { openSqliteStore } = await import(dist('store/sqlite.js'));
  const saved = deserialize(readFileSync(file));
  const work = mkdtempSync(join(tmpdir(), 'onrecord-replay-'));
  const store = openSqliteStore(join(work, 'replay.db'));
  const cpu0 = process.cpuUsage();
  if (!args.includes('--no-write')) {
    let group = null;
    let added = 0;
    for (const s of saved) {
      const { article, textHash } = readTextFile(s.path);
      if (store.findArticleSync({ canonicalUrl: null, textHash }) !== null) continue;
      (group ??= store.openGroup()).add({ article, extracted: { numbers: s.numbers, strings: s.strings, keys: s.keys } });
      if (++added % GROUP === 0) {
        group.commit();
        group = null;
      }
    }
    group?.commit();
  }
  const cpu = process.cpuUsage(cpu0);
  store.closeSync();
  console.log(`replay-writer: ${saved.length} articles, ${((cpu.user + cpu.system) / 1000 / saved.length).toFixed(3)} ms of CPU an article`);
  if (args.includes('--keep')) console.log(`replay-writer: record kept in ${join(work, 'replay.db')}`);
  else rmSync(work, { recursive: true, force: true });
}
