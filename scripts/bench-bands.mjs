#!/usr/bin/env node
/**
 * The near-duplicate check's band lookups and adds (`BandIndex.memberEntries`, the candidates'
 * quotations and sketches read as `rankCandidates` and `similarQuotation` read them, then `add`),
 * for every new banded quotation of a saved replay (scripts/replay-writer.mjs --save), timed
 * alternately for two builds, each on a fresh index. A measuring tool for docs/ingest-budget.md
 * (session 26), not a benchmark with targets. Run after `npm run build`:
 *
 *   node scripts/bench-bands.mjs SAVED ROOT_A ROOT_B [PASSES]
 *
 * Under `valgrind --tool=cachegrind --cache-sim=yes --LL=2097152,16,64` with ROOT_A = ROOT_B and
 * one pass, it counts one build's instructions and cache misses (this host's 2 MB L2 as the last level).
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { join } from 'node:path';
const [file, rootA, rootB, passesArg] = process.argv.slice(2);
const passes = Number(passesArg ?? 8);
const { unpackExtracted } = await import(join(rootA, 'dist/src/store/wire.js'));
const saved = deserialize(readFileSync(file));
const seq = [];
const seen = new Set();
for (const s of saved) {
  const text = readFileSync(s.path, 'utf8');
  const { prepared } = unpackExtracted({ numbers: s.numbers, strings: s.strings, keys: s.keys }, text);
  for (const pq of prepared.quotes) {
    if (seen.has(pq.key)) continue;
    seen.add(pq.key);
    if (pq.bands.length === 4) seq.push({ bands: pq.bands, words: pq.wordCount });
  }
}
const A = (await import(join(rootA, 'dist/src/store/band-index.js'))).BandIndex;
const B = (await import(join(rootB, 'dist/src/store/band-index.js'))).BandIndex;
const out = new Int32Array(16);
const ids = new Float64Array(16);
function run(Index) {
  const index = new Index(0);
  let sum = 0, id = 0;
  const t0 = process.hrtime.bigint();
  for (const q of seq) {
    const n = index.memberEntries(q.bands, 4, q.words, out);
    let c = 0;
    for (let m = 0; m < n; m++) {
      const qid = index.quotationOf(out[m]);
      let k = 0;
      while (k < c && ids[k] !== qid) k++;
      if (k === c) { ids[c++] = qid; sum += index.sketchLengthOf(out[m]); }
    }
    sum += c;
    index.add(++id, q.bands, q.words, q.words, id, id);
  }
  return [Number(process.hrtime.bigint() - t0) / 1e6, sum];
}
console.log(`${seq.length} banded quotations`);
const ta = [], tb = [];
for (let p = 0; p < passes; p++) {
  const [a, sa] = run(A); const [b, sb] = run(B);
  if (sa !== sb) throw new Error(`different results ${sa} ${sb}`);
  ta.push(a); tb.push(b);
}
const f = (t) => t.map((x) => x.toFixed(0)).join(' ');
const med = (t) => [...t].sort((x, y) => x - y)[t.length >> 1];
console.log(`A ${f(ta)} median ${med(ta).toFixed(1)} ms; ${(med(ta) * 1000 / seq.length).toFixed(3)} us a quotation`);
console.log(`B ${f(tb)} median ${med(tb).toFixed(1)} ms; ${(med(tb) * 1000 / seq.length).toFixed(3)} us a quotation`);
