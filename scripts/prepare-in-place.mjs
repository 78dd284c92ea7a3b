#!/usr/bin/env node
/**
 * What a worker's share of ingest costs in place (a measuring tool for docs/ingest-budget.md,
 * session 23, not a benchmark with targets). Run after `npm run build`:
 *
 *   node scripts/prepare-in-place.mjs --dir DIR [--count 1000] [--mode tiny|raw|full] [--warm 200]
 *
 * One thread does what an extraction worker does with each .txt file of DIR (the first --count,
 * in name order), after --warm analyses of warm-up:
 * - `tiny`: analyse, and serialise a tiny object (the baseline);
 * - `raw`: analyse, and serialise the analysis (raw extraction's structured clone);
 * - `full`: analyse, prepare the store's keys, pack the hand-off and serialise it (ingest).
 * Prints the CPU per article, split into analysing and the rest (thread CPU from getrusage:
 * with the default flags the compiler's and collector's helper threads are counted too).
 *
 * For instruction counts, run it under cachegrind with V8 in its predictable mode (compiling and
 * collecting on this thread, counted with it). The difference from `tiny` is then the mode's cost:
 *
 *   valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=FILE \
 *     node --predictable scripts/prepare-in-place.mjs --dir DIR --mode full
 *
 * `cg_annotate FILE` splits the count by function. TurboFan's work is in `compiler::` functions.
 * The collector's share changes in steps, by whether a mark-compact falls inside the run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'dist', 'src', p);
if (!existsSync(dist('store/wire.js'))) {
  console.error('prepare-in-place: build first (npm run build)');
  process.exit(1);
}
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const dir = opt('dir', null);
const count = Number(opt('count', 1000));
const mode = opt('mode', 'full');
const warm = Number(opt('warm', 200));
if (!dir || !['tiny', 'raw', 'full'].includes(mode)) {
  console.error('prepare-in-place: --dir DIR [--count N] [--mode tiny|raw|full] [--warm N]');
  process.exit(1);
}
const { analyze } = await import(dist('index.js'));
const { prepareArticle } = await import(dist('store/prepare.js'));
const { packExtracted } = await import(dist('store/wire.js'));
const { articleTextHash } = await import(dist('store/normalize.js'));

const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, count);
const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
// Ingest hashes on the main thread and hands the hash over: not the worker's share.
const hashes = texts.map((t) => articleTextHash(t));
for (let i = 0; i < warm; i++) analyze(texts[i % texts.length]);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let analysing = 0;
let rest = 0;
let sink = 0;
for (let i = 0; i < texts.length; i++) {
  const t0 = cpu();
  const analysis = analyze(texts[i]);
  const t1 = cpu();
  if (mode === 'tiny') sink += serialize({ quotes: analysis.quotes.length }).length;
  else if (mode === 'raw') sink += serialize(analysis).length;
  else sink += serialize(packExtracted(analysis, prepareArticle({ source: '', text: texts[i] }, analysis, hashes[i]))).length;
  analysing += t1 - t0;
  rest += cpu() - t1;
}
const per = (ms) => ((ms / Math.max(1, texts.length)) * 1000).toFixed(1);
console.log(`prepare-in-place ${mode}: ${texts.length} articles; CPU µs per article: analyse ${per(analysing)}, the rest ${per(rest)} (${sink > 0 ? 'ok' : 'nothing serialised'})`);
