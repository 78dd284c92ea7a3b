#!/usr/bin/env node
// npm run bench [-- --limit N] [--rounds N] [--no-build]
//
// Throughput and peak memory of analyze() in one process on the PolNeAR dev + train texts
// (about 900 words each), after a warm-up. Skips (exit 0) when ../shared is absent.
// This is a benchmark, not a test: it prints figures beside the targets and exits 0.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '../shared');
const FILES = ['dev.jsonl', 'train.jsonl'].map((f) => join(SHARED, 'data', 'polnear', f));
const TARGET_ARTICLES_PER_S = 300;
const TARGET_PEAK_RSS_MB = 300;

const args = process.argv.slice(2);
let limit = Infinity;
let rounds = 1;
let build = true;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--limit') limit = Number(args[++i]);
  else if (a === '--rounds') rounds = Number(args[++i]);
  else if (a === '--no-build') build = false;
  else {
    console.log('usage: npm run bench -- [--limit N] [--rounds N] [--no-build]');
    process.exit(a === '-h' || a === '--help' ? 0 : 2);
  }
}
if (!(limit > 0) || !(rounds >= 1)) {
  console.error('bench: --limit and --rounds take positive numbers');
  process.exit(2);
}

const present = FILES.filter((f) => existsSync(f));
if (present.length === 0) {
  console.log(`bench: skipped: the PolNeAR texts (${join(SHARED, 'data', 'polnear')}) are not there.`);
  process.exit(0);
}

if (build) {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) {
    console.error('bench: build failed');
    process.exit(1);
  }
}

const MB = 1024 * 1024;

/** The kernel's high-water mark of this process's resident set, in bytes (Linux only). */
function vmHWM() {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

// Only the text (and id) of each article is kept; annotations are dropped while reading.
const texts = [];
for (const file of present) {
  if (texts.length >= limit) break;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (texts.length >= limit) break;
    if (!line.trim()) continue;
    const { id, text } = JSON.parse(line);
    if (typeof text === 'string') texts.push({ id: String(id), text });
  }
}
const words = texts.reduce((n, a) => n + (a.text.match(/\S+/g)?.length ?? 0), 0);
const chars = texts.reduce((n, a) => n + a.text.length, 0);

globalThis.gc?.();
const rssBeforeLoad = process.memoryUsage().rss;
const { analyze } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'index.js')).href);

let peakRss = process.memoryUsage().rss;
const sample = () => {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) peakRss = rss;
};

// Warm-up: let the JIT and any lazily loaded models settle before timing.
const warmup = texts.slice(0, Math.min(100, texts.length));
const tw0 = performance.now();
for (const a of warmup) analyze(a.text, { id: a.id });
const warmMs = performance.now() - tw0;
sample();

let quotes = 0;
const t0 = performance.now();
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i];
    quotes += analyze(a.text, { id: a.id }).quotes.length;
    if ((i & 15) === 0) sample();
  }
}
const secs = (performance.now() - t0) / 1000;
sample();

const n = texts.length * rounds;
const perSec = n / secs;
const wordsPerSec = (words * rounds) / secs;
const hwm = vmHWM();
const peak = Math.max(peakRss, hwm ?? 0);
const mark = (ok) => (ok ? 'ok' : 'BELOW TARGET');

console.log(`bench: analyze() on ${texts.length} PolNeAR texts (${present.map((f) => f.split('/').pop()).join(' + ')}), ` +
  `${words} words, ${(chars / MB).toFixed(1)} M chars, ${rounds} round(s); warm-up ${warmup.length} texts in ${(warmMs / 1000).toFixed(2)} s`);
console.log(`  time          ${secs.toFixed(2)} s, ${quotes} quotes found`);
console.log(`  articles/s    ${perSec.toFixed(0).padStart(8)}   target >= ${TARGET_ARTICLES_PER_S}   ${mark(perSec >= TARGET_ARTICLES_PER_S)}`);
console.log(`  words/s       ${wordsPerSec.toFixed(0).padStart(8)}   (${(words / texts.length).toFixed(0)} words an article)`);
console.log(
  `  peak RSS      ${(peak / MB).toFixed(0).padStart(5)} MB   target <  ${TARGET_PEAK_RSS_MB} MB   ${mark(peak < TARGET_PEAK_RSS_MB * MB)}` +
    `   (sampled max ${(peakRss / MB).toFixed(0)} MB, VmHWM ${hwm === undefined ? 'n/a' : (hwm / MB).toFixed(0) + ' MB'}, ` +
    `before loading the extractor ${(rssBeforeLoad / MB).toFixed(0)} MB)`,
);
