/**
 * The extractor must run in linear time on hostile input: a 5 MB article, a 2 MB line with no
 * spaces, thousands of quotation marks that never close. Each case times analyze() on a small
 * and a ten-times-larger input in a child process (so a runaway regex can be killed) and
 * asserts the large one costs at most 60 times the small one: linear gives about 10, quadratic
 * about 100.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const INDEX_URL = new URL('../src/index.js', import.meta.url).href;

/** Runs in the child: builds the inputs, times analyze(), checks offsets, prints JSON. */
const CHILD = `
import { analyze } from ${JSON.stringify(INDEX_URL)};

const [kind, smallSize, bigSize] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];

const NAMES = ['Ines Varga', 'Piet Sorensen', 'Dana Whitlow', 'Ruth Okafor', 'Tomas Brennan'];
const PARAGRAPHS = [
  (n, i) => '“We will finish the bridge before winter number ' + i + ',” ' + n + ' said on Monday. “Nobody should doubt that.”',
  (n, i) => n + ' told reporters that the budget for item ' + i + ' had doubled since last year.',
  (n, i) => 'According to ' + n + ', the council met ' + i + ' times and reached no decision.',
  (n, i) => 'The plan was called a "reckless gamble" by ' + n + ", who added: 'We have seen this before.'",
  (n, i) => 'Asked about point ' + i + ', ' + n.split(' ')[1] + ' said: “It is not my job to guess.”',
  (n, i) => 'Traffic on the ring road was slow again on Tuesday, and the weather office expected rain for day ' + i + '.',
];

function article(size) {
  const parts = [];
  let len = 0;
  for (let i = 0; len < size; i++) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length](NAMES[i % NAMES.length], i) + '\\n\\n';
    parts.push(p);
    len += p.length;
  }
  return parts.join('').slice(0, size);
}

function nospace(size) {
  // One line, no spaces: a single enormous token, with a stray opening mark now and then.
  const unit = 'abcdefghijklmnopqrstuvwxyz'.repeat(40) + '“';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function unbalanced(size) {
  // Thousands of opening marks of every kind and no closer anywhere.
  const unit = 'Varga said “ the plan was "bold and ‘ risky, Sorensen said “ and then ';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const make = { article, nospace, unbalanced }[kind];

function run(text) {
  const t0 = performance.now();
  const a = analyze(text, { id: kind });
  const ms = performance.now() - t0;
  for (const q of a.quotes) {
    if (text.slice(q.start, q.end) !== q.text) throw new Error('quote offsets do not match its text');
  }
  return ms;
}

run(make(Math.floor(smallSize / 10))); // warm-up
const smallText = make(smallSize);
const small = Math.min(run(smallText), run(smallText));
const bigText = make(bigSize);
const big = run(bigText);
process.stdout.write(JSON.stringify({ small, big, smallLength: smallText.length, bigLength: bigText.length }));
`;

/** Minimum that the small time is taken as, so near-zero timings do not make the ratio noise. */
const FLOOR_MS = 25;
const MAX_RATIO = 60;
const CHILD_TIMEOUT_MS = 5 * 60 * 1000;

function timeCase(kind: string, smallSize: number, bigSize: number): void {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, kind, String(smallSize), String(bigSize)], {
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  assert.ok(!r.error, `${kind}: child did not finish within ${CHILD_TIMEOUT_MS / 1000}s (super-linear?): ${r.error?.message}`);
  assert.equal(r.status, 0, `${kind}: child failed: ${r.stderr}`);
  const t = JSON.parse(r.stdout) as { small: number; big: number; smallLength: number; bigLength: number };
  assert.equal(t.bigLength, bigSize);
  const bound = MAX_RATIO * Math.max(t.small, FLOOR_MS);
  assert.ok(
    t.big < bound,
    `${kind}: ${t.bigLength} chars took ${t.big.toFixed(1)} ms, ${t.smallLength} chars took ${t.small.toFixed(1)} ms ` +
      `(bound ${bound.toFixed(0)} ms): growth looks super-linear`,
  );
}

test('a 5 MB article is analyzed in linear time', () => {
  timeCase('article', 500_000, 5_000_000);
});

test('a 2 MB line with no spaces is analyzed in linear time', () => {
  timeCase('nospace', 200_000, 2_000_000);
});

test('thousands of unclosed quotation marks are analyzed in linear time', () => {
  timeCase('unbalanced', 200_000, 2_000_000);
});
