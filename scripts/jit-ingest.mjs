#!/usr/bin/env node
/**
 * What V8's optimising compiler does in a real ingest (or raw extraction), thread by thread (a
 * measuring tool for docs/ingest-budget.md, not a benchmark). Run after `npm run build`:
 *
 *   node scripts/jit-ingest.mjs [--mode ingest|raw|nothing] [--dir DIR] [--root BUILD] [--top 25]
 *                               [--keep OUT_DIR] [--parse OUT_DIR]
 *
 * Runs `scripts/thread-cpu.mjs --mode M --warm 0 --dir DIR` of the build at --root (default: this
 * checkout) in a child node with `--trace-opt --trace-deopt` (TurboFan's compiles with their times,
 * on stdout, every isolate mixed) and `--log-code --log-deopt` (V8's log, one file per isolate).
 * A compile's function is told to its isolate by its SharedFunctionInfo address in that isolate's
 * log (the trace prints no isolate); the main isolate is the one that ran thread-cpu.mjs.
 *
 * Prints, per isolate (main, worker 1, worker 2): TurboFan compiles and their times as V8 reports
 * them ("took a, b, c ms": a and c on the isolate's own thread, b on a platform thread; wall times,
 * so read them on a quiet host or as a rough weight), OSR compiles, and the deoptimisations by
 * reason; then the functions compiled most often or longest, with their deoptimisations' reasons
 * and places; and the totals by source (the store, ingest, extraction, dependencies, Node).
 *
 * --keep keeps the trace and logs in OUT_DIR; --parse reads a kept OUT_DIR again without running.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const MODE = opt('mode', 'ingest');
const DIR = opt('dir', '/tmp/s23/b0/articles');
const ROOT = resolve(opt('root', here));
const TOP = Number(opt('top', 25));
const KEEP = opt('keep', null);
const PARSE = opt('parse', null);

let out;
if (PARSE) {
  out = resolve(PARSE);
} else {
  out = KEEP ? resolve(KEEP) : mkdtempSync(join(tmpdir(), 'onrecord-jit-'));
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (f.startsWith('isolate-') || f === 'trace.txt') rmSync(join(out, f));
  const r = spawnSync(process.execPath, [
    '--trace-opt', '--trace-deopt', '--log-code', '--log-deopt', `--logfile=${join(out, 'v8.log')}`,
    join(ROOT, 'scripts', 'thread-cpu.mjs'), '--mode', MODE, '--warm', '0', '--dir', DIR,
  ], { cwd: out, maxBuffer: 1 << 30, encoding: 'utf8' });
  writeFileSync(join(out, 'trace.txt'), r.stdout + r.stderr);
  if (r.status !== 0) {
    console.error(r.stderr.slice(-2000));
    process.exit(1);
  }
}

const trace = readFileSync(join(out, 'trace.txt'), 'utf8').split('\n');
const summary = trace.find((l) => l.startsWith('thread-cpu '));
const logs = readdirSync(out).filter((f) => f.startsWith('isolate-') && f.endsWith('.log'));

/** A hex address as V8 prints it, without the zero padding the trace adds. */
const addr = (s) => BigInt(s).toString(16);

// Every JS code object each isolate created: sfi address -> isolate and where the function is;
// code address -> the function, for the deoptimisations.
const isolates = [];
const bySfi = new Map();
for (const f of logs) {
  const iso = { file: f, name: '', turbofan: 0, deopts: new Map(), code: new Map(), main: false };
  for (const line of readFileSync(join(out, f), 'utf8').split('\n')) {
    if (line.startsWith('code-creation,JS,')) {
      // code-creation,JS,kind,time,code,size,name location,sfi,tier
      const m = /^code-creation,JS,(\d+),\d+,(0x[0-9a-f]+),\d+,(.*),(0x[0-9a-f]+),(.)$/.exec(line);
      if (!m) continue;
      const fn = m[3];
      if (fn.includes('scripts/thread-cpu.mjs')) iso.main = true;
      iso.code.set(addr(m[2]), fn);
      const key = addr(m[4]);
      if (!bySfi.has(key)) bySfi.set(key, []);
      const seen = bySfi.get(key);
      if (!seen.some((s) => s.iso === iso && s.fn === fn)) seen.push({ iso, fn });
    } else if (line.startsWith('code-move,')) {
      const [, from, to] = line.split(',');
      const fn = iso.code.get(addr(from));
      if (fn) iso.code.set(addr(to), fn);
    } else if (line.startsWith('code-deopt,')) {
      // code-deopt,time,size,code,inlining id,offset,kind,<place>[ inlined at <place>],reason
      const m = /^code-deopt,\d+,\d+,(0x[0-9a-f]+),-?\d+,-?\d+,([^,]*),(<.*>),(.*)$/.exec(line);
      if (!m) continue;
      const fn = iso.code.get(addr(m[1])) ?? '?';
      const d = { kind: m[2], place: m[3], reason: m[4] };
      if (!iso.deopts.has(fn)) iso.deopts.set(fn, []);
      iso.deopts.get(fn).push(d);
    }
  }
  isolates.push(iso);
}
isolates.sort((a, b) => Number(b.main) - Number(a.main));
isolates.forEach((iso, i) => { iso.name = iso.main ? 'main' : `worker ${i}`; });

// The trace's compiles, each given to its isolate by sfi address and name.
const compiles = [];
let unplaced = 0;
for (const line of trace) {
  const m = /^\[completed compiling 0x[0-9a-f]+ <JSFunction ?(.*?)>? \(sfi = (0x[0-9a-f]+)\)> \(target TURBOFAN\)( OSR)? - took ([\d.]+), ([\d.]+), ([\d.]+) ms\]$/.exec(line);
  if (!m) continue;
  const name = m[1].trim();
  const cands = bySfi.get((BigInt(m[2]) - 1n).toString(16)) ?? []; // (the trace prints the tagged pointer)
  const hit = cands.find((c) => c.fn === name || c.fn.startsWith(`${name} `) || (name === '' && c.fn.startsWith(' '))) ?? (cands.length === 1 ? cands[0] : null);
  if (!hit) unplaced++;
  compiles.push({
    iso: hit?.iso ?? null, fn: hit?.fn ?? `${name} (?)`, osr: Boolean(m[3]),
    a: Number(m[4]), b: Number(m[5]), c: Number(m[6]),
  });
}

/** Where a function's code comes from, by its location in the log. */
function source(fn) {
  if (/\/dist\/src\/store\//.test(fn)) return 'store';
  if (/\/dist\/src\/ingest\//.test(fn)) return 'ingest';
  if (/\/dist\/src\/extract\//.test(fn)) return 'extract';
  if (/\/dist\/src\//.test(fn)) return 'src (other)';
  if (/node_modules/.test(fn)) return 'dependencies';
  if (/node:|^\s*$/.test(fn) || !fn.includes('/')) return 'node';
  return 'other';
}
const short = (fn) => fn.replace(/file:\/\/\S*?\/dist\/src\//, '').replace(/file:\/\/\S*?\/node_modules\//, 'nm:');
const ms = (v) => v.toFixed(0);

console.log(summary ?? '(no thread-cpu summary)');
console.log(`root ${ROOT}, mode ${MODE}, ${compiles.length} TurboFan compiles in the trace (${unplaced} not placed in an isolate)\n`);

console.log('| isolate | compiles (OSR) | took a / b / c ms | deopts | reasons (top) |');
console.log('|---|---|---|---|---|');
for (const iso of [...isolates, null]) {
  const mine = compiles.filter((c) => c.iso === iso);
  if (iso === null && mine.length === 0) continue;
  const sum = (k) => mine.reduce((s, c) => s + c[k], 0);
  const deopts = iso ? [...iso.deopts.values()].flat() : [];
  const reasons = new Map();
  for (const d of deopts) reasons.set(d.reason, (reasons.get(d.reason) ?? 0) + 1);
  const top = [...reasons].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([r, n]) => `${r} ${n}`).join('; ');
  console.log(`| ${iso?.name ?? '?'} | ${mine.length} (${mine.filter((c) => c.osr).length}) | ${ms(sum('a'))} / ${ms(sum('b'))} / ${ms(sum('c'))} | ${deopts.length} | ${top} |`);
}

console.log('\nBy source, per isolate: compiles, b (the platform thread\'s part) ms, deopts');
const sources = ['store', 'ingest', 'extract', 'src (other)', 'dependencies', 'node', 'other'];
console.log(`| isolate | ${sources.join(' | ')} |`);
console.log(`|---|${sources.map(() => '---').join('|')}|`);
for (const iso of isolates) {
  const cells = sources.map((s) => {
    const mine = compiles.filter((c) => c.iso === iso && source(c.fn) === s);
    const deopts = [...iso.deopts].filter(([fn]) => source(fn) === s).reduce((n, [, ds]) => n + ds.length, 0);
    return `${mine.length}, ${ms(mine.reduce((t, c) => t + c.b, 0))}, ${deopts}`;
  });
  console.log(`| ${iso.name} | ${cells.join(' | ')} |`);
}

// Functions: compiled more than once, or long to compile, in any isolate.
console.log(`\nFunctions by compile time summed over isolates (top ${TOP}, src/ only; n = compiles per isolate):`);
const byFn = new Map();
for (const c of compiles) {
  if (!/\/dist\/src\//.test(c.fn)) continue;
  if (!byFn.has(c.fn)) byFn.set(c.fn, { n: new Map(), b: 0 });
  const e = byFn.get(c.fn);
  e.n.set(c.iso?.name ?? '?', (e.n.get(c.iso?.name ?? '?') ?? 0) + 1);
  e.b += c.b;
}
const deoptLine = (fn) => isolates.flatMap((iso) => (iso.deopts.get(fn) ?? []).map((d) => `${iso.name}: ${d.reason} @ ${short(d.place)}`));
for (const [fn, e] of [...byFn].sort((x, y) => y[1].b - x[1].b).slice(0, TOP)) {
  console.log(`  ${short(fn)}: ${[...e.n].map(([k, v]) => `${k} ${v}`).join(', ')}; b ${ms(e.b)} ms`);
  const ds = deoptLine(fn);
  const counted = new Map();
  for (const d of ds) counted.set(d, (counted.get(d) ?? 0) + 1);
  for (const [d, n] of counted) console.log(`      deopt ${n > 1 ? `${n}x ` : ''}${d}`);
}

console.log('\nCompiled more than once in an isolate (any source): the repeats\' count and b ms (all but each function\'s first compile):');
for (const iso of isolates) {
  const byName = new Map();
  for (const c of compiles) {
    if (c.iso !== iso) continue;
    if (!byName.has(c.fn)) byName.set(c.fn, []);
    byName.get(c.fn).push(c);
  }
  const again = [...byName].filter(([, cs]) => cs.length > 1);
  const n = again.reduce((t, [, cs]) => t + cs.length - 1, 0);
  const b = again.reduce((t, [, cs]) => t + cs.slice(1).reduce((u, c) => u + c.b, 0), 0);
  console.log(`  ${iso.name}: ${again.length} functions, ${n} repeats, ${ms(b)} ms: ` +
    again.sort((x, y) => y[1].length - x[1].length).map(([fn, cs]) => `${short(fn)} ${cs.length}`).join('; '));
}

console.log('\nsrc/ functions compiled more than once in an isolate:');
for (const iso of isolates) {
  const n = new Map();
  for (const c of compiles) if (c.iso === iso && /\/dist\/src\//.test(c.fn)) n.set(c.fn, (n.get(c.fn) ?? 0) + 1);
  const many = [...n].filter(([, k]) => k > 1).sort((x, y) => y[1] - x[1]);
  console.log(`  ${iso.name} (${many.length}): ${many.map(([fn, k]) => `${short(fn)} ${k}`).join('; ')}`);
}

console.log('\nAll deoptimisations of src/ functions, per isolate:');
for (const iso of isolates) {
  for (const [fn, ds] of iso.deopts) {
    if (!/\/dist\/src\//.test(fn)) continue;
    for (const d of ds) console.log(`  ${iso.name}: ${short(fn)}: ${d.kind} ${d.reason} @ ${short(d.place)}`);
  }
}
if (!KEEP && !PARSE) rmSync(out, { recursive: true, force: true });
else if (!existsSync(join(out, 'trace.txt'))) console.error('no trace kept');
