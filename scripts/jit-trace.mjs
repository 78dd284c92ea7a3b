#!/usr/bin/env node
/**
 * What V8's optimising compiler does with extraction, in one thread (a measuring tool for
 * docs/ingest-budget.md, not a benchmark). Run after `npm run build`:
 *
 *   node scripts/jit-trace.mjs [--passes 3] [--limit N] [--top 20] [--maps]
 *
 * Runs analyze() over the PolNeAR dev and train texts (read at run time from ../shared) --passes
 * times in a child node started with `--trace-opt --trace-deopt --trace-deopt-verbose`, and
 * prints the TurboFan compiles and the deoptimisations, in all and by pass, the deoptimisations'
 * reasons, and the functions compiled and deoptimised most, with where in dist/ each
 * deoptimisation happened. (V8 flags cannot reach worker threads through execArgv: hence one
 * thread.)
 *
 * --maps instead counts the hidden classes (maps) of the extraction's own objects (tokens,
 * name runs, cues, mentions, attributions, entities) over the texts: objects of one kind made
 * with different shapes are what `wrong map` deoptimisations come from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = ['dev.jsonl', 'train.jsonl'].map((f) => join(root, '..', 'shared', 'data', 'polnear', f)).filter((f) => existsSync(f));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const passes = opt('passes', 3);
const limit = opt('limit', Infinity);
const top = opt('top', 20);
const child = args.includes('--child');
const maps = args.includes('--maps');

if (files.length === 0) {
  console.log('jit-trace: skipped: the PolNeAR texts are not there');
  process.exit(0);
}
if (!existsSync(join(root, 'dist', 'src', 'index.js'))) {
  console.error('jit-trace: build first (npm run build)');
  process.exit(1);
}

function texts() {
  const out = [];
  for (const f of files) {
    for (const line of readFileSync(f, 'utf8').split('\n')) if (line.trim() && out.length < limit) out.push(JSON.parse(line).text);
  }
  return out;
}

const dist = (p) => import(pathToFileURL(join(root, 'dist', 'src', p)).href);

if (child && maps) {
  // (Natives syntax only parses under --allow-natives-syntax, which the parent gives the child.)
  const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');
  const { Doc } = await dist('extract/document.js');
  const { findQuotedSpans } = await dist('extract/quotemarks.js');
  const { findNameRuns, indexRuns } = await dist('extract/mentions.js');
  const { attribute } = await dist('extract/attribution.js');
  const { resolve } = await dist('extract/coreference.js');
  const kinds = new Map();
  const note = (kind, o) => {
    if (o === null || o === undefined) return; // (an optional field left out)
    if (!kinds.has(kind)) kinds.set(kind, []);
    const seen = kinds.get(kind);
    const same = seen.find((r) => sameMap(r.o, o));
    if (same) same.n++;
    else seen.push({ o, n: 1 });
  };
  for (const text of texts()) {
    const doc = new Doc(text);
    for (const t of doc.tokens) note('token', t);
    const spans = findQuotedSpans(doc);
    const runs = indexRuns(doc, findNameRuns(doc));
    for (const r of runs.runs) note('name run', r);
    const attributions = attribute(doc, spans, runs);
    for (const a of attributions) {
      note('attribution', a);
      note('cue', a.cue);
      note('mention', a.source);
      note('mention', a.hint);
    }
    for (const e of resolve(doc, runs, attributions).entities) note('entity', e);
  }
  for (const [kind, seen] of kinds) {
    console.log(`${kind.padEnd(12)} ${String(seen.length).padStart(3)} map(s): ${seen.map((r) => `${r.n} ${Object.keys(r.o).join(',')}`).join(' | ')}`);
  }
} else if (child) {
  const { analyze } = await dist('index.js');
  const all = texts();
  for (let p = 0; p < passes; p++) {
    for (const t of all) analyze(t);
    console.log(`=== pass ${p} done`);
  }
} else if (maps) {
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', fileURLToPath(import.meta.url), '--child', '--maps', ...args], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
} else {
  const flags = ['--trace-opt', '--trace-deopt', '--trace-deopt-verbose'];
  const r = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), '--child', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  summarise(r.stdout);
}

function summarise(trace) {
  const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  const compiled = new Map();
  const deopted = new Map();
  const reasons = new Map();
  const where = new Map();
  const byPass = [{ compiles: 0, deopts: 0 }];
  let pending = null;
  for (const line of trace.split('\n')) {
    if (line.startsWith('=== pass')) {
      byPass.push({ compiles: 0, deopts: 0 });
      continue;
    }
    let m = /^\[completed compiling \S+ <JSFunction ?(\S*) .*\(target TURBOFAN\)/.exec(line);
    if (m) {
      count(compiled, m[1] === '(sfi' ? '(anonymous)' : m[1]);
      byPass[byPass.length - 1].compiles++;
      continue;
    }
    m = /^\[bailout \(kind: [\w-]+, reason: ([^)]*)\): begin\. deoptimizing \S+ <JSFunction ?(\S*) ?/.exec(line);
    if (m) {
      const fn = m[2] === '(sfi' ? '(anonymous)' : m[2];
      count(deopted, fn);
      count(reasons, m[1]);
      byPass[byPass.length - 1].deopts++;
      pending = `${fn}: ${m[1]}`;
      continue;
    }
    m = /;;; deoptimize at <([^>]*)>/.exec(line);
    if (m && pending) {
      count(where, `${pending} at ${m[1].replace(pathToFileURL(root).href.replace(/\/?$/, '/'), '').replace(/^dist\/src\//, '')}`);
      pending = null;
    }
  }
  byPass.pop(); // (after the last pass: nothing)
  const sum = (map) => [...map.values()].reduce((a, b) => a + b, 0);
  const list = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v} ${k}`);
  console.log(`TurboFan compiles ${sum(compiled)}, deoptimisations ${sum(deopted)}; by pass: ${byPass.map((p) => `${p.compiles}/${p.deopts}`).join(', ')}`);
  console.log(`reasons: ${list(reasons, 12).join('; ')}`);
  console.log(`compiled most: ${list(compiled, top).join(', ')}`);
  console.log(`deoptimised most: ${list(deopted, top).join(', ')}`);
  console.log('deoptimisations by place:');
  for (const l of list(where, top * 2)) console.log(`  ${l}`);
}
