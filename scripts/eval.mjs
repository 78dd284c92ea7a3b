#!/usr/bin/env node
// npm run eval [-- --only seed|ggt|polnear] [--errors N] [--no-build]
//
// Builds the project, runs `onrecord extract --format jsonl` on the seed article and the ggt and
// polnear dev sets from ../shared/data, writes the predictions to out/, and prints what
// ../shared/eval/score.py says about each. Skips (exit 0) when ../shared is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '../shared');
const DATA = join(SHARED, 'data');
const SCORER = join(SHARED, 'eval', 'score.py');
const OUT = join(ROOT, 'out');
const BIN = join(ROOT, 'bin', 'onrecord.js');
const SETS = ['seed', 'ggt', 'polnear'];

function usage(code) {
  console.log('usage: npm run eval -- [--only seed|ggt|polnear[,...]] [--errors N] [--no-build]');
  process.exit(code);
}

const args = process.argv.slice(2);
let only = SETS;
let errors;
let build = true;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--only') {
    only = (args[++i] ?? '').split(',').filter(Boolean);
    if (only.length === 0 || only.some((s) => !SETS.includes(s))) usage(2);
  } else if (a.startsWith('--only=')) {
    only = a.slice('--only='.length).split(',').filter(Boolean);
    if (only.length === 0 || only.some((s) => !SETS.includes(s))) usage(2);
  } else if (a === '--errors') {
    errors = args[++i];
    if (!/^\d+$/.test(errors ?? '')) usage(2);
  } else if (a.startsWith('--errors=')) {
    errors = a.slice('--errors='.length);
    if (!/^\d+$/.test(errors)) usage(2);
  } else if (a === '--no-build') {
    build = false;
  } else if (a === '-h' || a === '--help') {
    usage(0);
  } else {
    console.error(`eval: unknown argument ${a}`);
    usage(2);
  }
}

if (!existsSync(DATA) || !existsSync(SCORER)) {
  console.log(`eval: skipped: ${relative(ROOT, SHARED) || SHARED} (shared data and scorer) is not there.`);
  process.exit(0);
}

if (build) {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) {
    console.error('eval: build failed');
    process.exit(1);
  }
}

mkdirSync(OUT, { recursive: true });

/** The seed as a one-line JSONL: its id must be the gold's; its publication date is page metadata. */
function seedArticles() {
  const gold = JSON.parse(readFileSync(join(DATA, 'seed', 'gold.json'), 'utf8'));
  const text = readFileSync(join(DATA, 'seed', gold.text_file ?? 'article.txt'), 'utf8');
  const line = { id: gold.id ?? 'seed-trump-mamdani', text, ...(gold.published ? { published: gold.published } : {}) };
  const path = join(OUT, 'seed.articles.jsonl');
  writeFileSync(path, JSON.stringify(line) + '\n');
  return path;
}

const PLAN = {
  seed: () => ({ input: seedArticles(), gold: join(DATA, 'seed', 'gold.json') }),
  ggt: () => ({ input: join(DATA, 'ggt', 'dev.jsonl'), gold: join(DATA, 'ggt', 'dev.jsonl') }),
  polnear: () => ({ input: join(DATA, 'polnear', 'dev.jsonl'), gold: join(DATA, 'polnear', 'dev.jsonl') }),
};

let failed = false;
for (const set of only) {
  console.log(`\n==== ${set} ${'='.repeat(Math.max(0, 60 - set.length))}`);
  const { input, gold } = PLAN[set]();
  if (!existsSync(input)) {
    console.log(`skipped: ${input} is not there`);
    continue;
  }
  const pred = join(OUT, `${set}.pred.jsonl`);
  const fd = openSync(pred, 'w');
  const t0 = performance.now();
  const ex = spawnSync(process.execPath, [BIN, 'extract', '--format', 'jsonl', input], {
    cwd: ROOT,
    stdio: ['ignore', fd, 'inherit'],
  });
  closeSync(fd);
  const secs = (performance.now() - t0) / 1000;
  if (ex.status !== 0) {
    console.log(`extract exited with status ${ex.status ?? ex.signal}`);
    failed = true;
  }
  const lines = readFileSync(pred, 'utf8').split('\n').filter(Boolean).length;
  console.log(`extracted ${lines} article(s) in ${secs.toFixed(2)} s -> ${relative(ROOT, pred)}\n`);
  const sc = spawnSync('python3', [SCORER, set, gold, pred, ...(errors !== undefined ? ['--errors', errors] : [])], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (sc.error) {
    console.log(`scorer could not run: ${sc.error.message} (is python3 installed?)`);
    failed = true;
  } else if (sc.status !== 0) {
    console.log(`scorer exited with status ${sc.status}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
