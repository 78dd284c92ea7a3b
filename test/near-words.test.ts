// The writer's near-duplicate check over word hashes (src/store/near-words.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashWords, RecentWords } from '../src/store/near-words.js';
import { NEAR_THRESHOLD, nearSimilarity, wordSimilarity } from '../src/store/normalize.js';

let seed = 12345;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const VOCAB = 'the mayor said ferry budget would harbour council vote plan we our city will not cut fund it is a of to'.split(' ');
const randomWords = (n: number) => Array.from({ length: n }, () => VOCAB[Math.floor(rnd() * VOCAB.length)]!);

/** `words` with `edits` random substitutions, deletions and insertions. */
function edited(words: string[], edits: number): string[] {
  const out = [...words];
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(rnd() * Math.max(1, out.length));
    const op = rnd();
    if (op < 0.4 && out.length) out[i] = VOCAB[Math.floor(rnd() * VOCAB.length)]!;
    else if (op < 0.7 && out.length > 1) out.splice(i, 1);
    else out.splice(i, 0, VOCAB[Math.floor(rnd() * VOCAB.length)]!);
  }
  return out;
}

test('hashWords: one hash per space-separated word, equal words equal hashes; -1 when they do not fit', () => {
  const out = new Int32Array(8);
  assert.equal(hashWords('we will fund the ferry we will', out), 7);
  assert.equal(out[0], out[5]);
  assert.equal(out[1], out[6]);
  assert.notEqual(out[0], out[1]);
  assert.equal(hashWords('one', out), 1);
  assert.equal(hashWords('a b c d e f g h i', out), -1);
});

test('RecentWords: never rules out a pair that comparing the words accepts, at the threshold or at a higher best so far', () => {
  const recent = new RecentWords();
  let accepted = 0;
  let ruledOut = 0;
  for (let t = 0; t < 3000; t++) {
    const a = randomWords(6 + Math.floor(rnd() * 30));
    const b = rnd() < 0.5 ? edited(a, Math.floor(rnd() * 8)) : randomWords(6 + Math.floor(rnd() * 30));
    const id = t + 1;
    recent.add(id, b.join(' '));
    assert.ok(recent.setQuery(a.join(' ')));
    for (const atLeast of [NEAR_THRESHOLD, 0.85, 0.9, 1 - 1 / a.length]) {
      const sim = nearSimilarity(a, b);
      const may = recent.mayReach(id, atLeast);
      if (sim >= atLeast) {
        accepted++;
        assert.ok(may, `ruled out a pair of similarity ${sim} at ${atLeast}: "${a.join(' ')}" / "${b.join(' ')}"`);
      } else if (!may) ruledOut++;
    }
  }
  // The check is worth having: it rules out most of the pairs the words reject.
  assert.ok(accepted > 1000, `accepted ${accepted}`);
  assert.ok(ruledOut > 3000, `ruled out ${ruledOut}`);
});

/** Full edit distance between word lists, every cell computed: the reference for the banded ones. */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    prev = cur;
  }
  return prev[b.length]!;
}

test('the edit distances kept near the diagonal decide as the full ones: nearSimilarity is wordSimilarity at or above the threshold, mayReach is the full distance within what a similarity allows', () => {
  const recent = new RecentWords();
  let near = 0;
  for (let t = 0; t < 4000; t++) {
    const a = randomWords(1 + Math.floor(rnd() * 40));
    const b = rnd() < 0.8 ? edited(a, Math.floor(rnd() * 10)) : randomWords(1 + Math.floor(rnd() * 40));
    const w = wordSimilarity(a, b);
    assert.equal(nearSimilarity(a, b), w >= NEAR_THRESHOLD ? w : 0, `"${a.join(' ')}" / "${b.join(' ')}"`);
    if (w >= NEAR_THRESHOLD) near++;
    const id = t + 1;
    recent.add(id, b.join(' '));
    assert.ok(recent.setQuery(a.join(' ')));
    const longer = Math.max(a.length, b.length);
    for (const atLeast of [NEAR_THRESHOLD, 0.9, 0.5]) {
      // Distinct words hash apart here, so over hashes the distance is the words' one.
      const allowed = Math.floor((1 - atLeast) * longer + 1e-9);
      assert.equal(recent.mayReach(id, atLeast), editDistance(a, b) <= allowed, `${atLeast}: "${a.join(' ')}" / "${b.join(' ')}"`);
    }
  }
  assert.ok(near > 1000, `near pairs ${near}`);
});

test('RecentWords: the words of the quotation just compared are remembered from its hashes, as if hashed again', () => {
  const recent = new RecentWords();
  const words = 'the council will vote on the ferry budget';
  recent.setQuery(words);
  recent.add(3, words);
  recent.add(4, 'the council will vote on the ferry budget'.split(' ').join(' '));
  recent.setQuery('the council will vote on a ferry budget');
  assert.equal(recent.mayReach(3, NEAR_THRESHOLD), recent.mayReach(4, NEAR_THRESHOLD));
  assert.equal(recent.mayReach(3, NEAR_THRESHOLD), true);
  recent.setQuery('a mayor said we will not cut it');
  assert.equal(recent.mayReach(3, NEAR_THRESHOLD), false);
});

test('RecentWords: words repeated in one wording are matched once each, not against one occurrence in the other', () => {
  const recent = new RecentWords();
  recent.add(7, 'we we we we we we we we we we');
  recent.setQuery('we will fund the ferry and the harbour this year');
  assert.equal(recent.mayReach(7, NEAR_THRESHOLD), false);
  recent.setQuery('we we we we we we we we we we we');
  assert.equal(recent.mayReach(7, NEAR_THRESHOLD), true);
});

test('RecentWords: holds the newest quotations; one whose slot or words were overwritten is no longer held; clear forgets all', () => {
  const recent = new RecentWords();
  recent.add(5, 'the council will vote on the ferry budget');
  assert.equal(recent.has(5), true);
  assert.equal(recent.has(6), false);
  // The same slot, 2^16 ids later.
  recent.add(5 + (1 << 16), 'another quotation of the record');
  assert.equal(recent.has(5), false);
  assert.equal(recent.has(5 + (1 << 16)), true);
  // Enough words to go round the ring once: the first quotation's words are overwritten.
  recent.add(9, 'we will not cut the ferry');
  const long = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
  for (let id = 10; id < 10 + 2200; id++) recent.add(id, long);
  assert.equal(recent.has(9), false);
  assert.equal(recent.has(10 + 2199), true);
  recent.clear();
  assert.equal(recent.has(10 + 2199), false);
});

test('RecentWords: a wording too long to hash is left to the word comparison', () => {
  const recent = new RecentWords();
  const long = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
  assert.equal(recent.setQuery(long), false);
  recent.add(3, long);
  assert.equal(recent.has(3), false);
});

test('RecentWords: gives back the words of each quotation it holds, and none once it no longer holds it', () => {
  const recent = new RecentWords();
  recent.setQuery('we will not cut the ferry');
  recent.add(7, 'we will not cut the ferry'); // from the query's hashes
  recent.add(8, 'the council will vote on the ferry budget');
  assert.equal(recent.wordsOf(7), 'we will not cut the ferry');
  assert.equal(recent.wordsOf(8), 'the council will vote on the ferry budget');
  assert.equal(recent.wordsOf(9), undefined);
  // Its slot taken by a later quotation.
  recent.add(8 + (1 << 16), 'another quotation of the record');
  assert.equal(recent.wordsOf(8), undefined);
  assert.equal(recent.wordsOf(8 + (1 << 16)), 'another quotation of the record');
  // Its words overwritten as the ring goes round.
  const long = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
  for (let id = 10; id < 10 + 2200; id++) recent.add(id, long);
  assert.equal(recent.wordsOf(7), undefined);
  assert.equal(recent.wordsOf(10 + 2199), long);
  recent.clear();
  assert.equal(recent.wordsOf(10 + 2199), undefined);
  // Too long to hash: not held, so not given back.
  const tooLong = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
  recent.add(3, tooLong);
  assert.equal(recent.wordsOf(3), undefined);
});

test('RecentWords: similarity is nearSimilarity of the words whenever that reaches the similarity asked for, and below it otherwise', () => {
  const recent = new RecentWords();
  let reached = 0;
  for (let t = 0; t < 3000; t++) {
    const a = randomWords(1 + Math.floor(rnd() * 30));
    const b = rnd() < 0.7 ? edited(a, Math.floor(rnd() * 6)) : randomWords(1 + Math.floor(rnd() * 30));
    const id = t + 1;
    recent.add(id, b.join(' '));
    assert.ok(recent.setQuery(a.join(' ')));
    const words = nearSimilarity(a, b);
    // (As the writer asks: the threshold, or a best so far above it.)
    for (const atLeast of [NEAR_THRESHOLD, 0.9, Math.max(NEAR_THRESHOLD, 1 - 1 / a.length), 1]) {
      const sim = recent.similarity(id, atLeast);
      if (words >= atLeast) {
        reached++;
        assert.equal(sim, words, `"${a.join(' ')}" / "${b.join(' ')}" at ${atLeast}`);
      } else assert.ok(sim < atLeast, `${sim} at ${atLeast}: "${a.join(' ')}" / "${b.join(' ')}"`);
    }
  }
  assert.ok(reached > 1000, `reached ${reached}`);
});

test('RecentWords: two words whose hashes collide are different words to similarity (mayReach, over hashes, lets them through)', () => {
  // Two made-up words with the same 32-bit hash (a birthday search over a few hundred thousand).
  const seen = new Map<number, string>();
  const out = new Int32Array(1);
  let pair: [string, string] | undefined;
  for (let i = 0; !pair; i++) {
    const word = 'w' + i.toString(36);
    hashWords(word, out);
    const other = seen.get(out[0]!);
    if (other !== undefined) pair = [other, word];
    else seen.set(out[0]!, word);
  }
  const [x, y] = pair;
  const base = 'the council will vote on the ferry budget this year'.split(' ');
  const withX = [...base.slice(0, 4), x, ...base.slice(5)];
  const withY = [...base.slice(0, 4), y, ...base.slice(5)];
  const recent = new RecentWords();
  recent.add(1, withY.join(' '));
  recent.add(2, Array(10).fill(y).join(' '));
  recent.setQuery(withX.join(' '));
  assert.equal(recent.mayReach(1, 1), true);
  assert.equal(recent.similarity(1, NEAR_THRESHOLD), nearSimilarity(withX, withY));
  assert.equal(recent.similarity(1, NEAR_THRESHOLD), 0.9);
  assert.ok(recent.similarity(1, 1) < 1);
  recent.setQuery(Array(10).fill(x).join(' '));
  assert.equal(recent.mayReach(2, 1), true);
  assert.ok(recent.similarity(2, NEAR_THRESHOLD) < NEAR_THRESHOLD);
});

test('RecentWords: a quotation that does not fit before the end of the ring starts again at its start, held whole and compared as its words', () => {
  const recent = new RecentWords();
  // 2,097 quotations of 1,000 words fill the ring of 2^21 words to 152 words from its end.
  const words = (id: number, n: number) => Array.from({ length: n }, (_, i) => `w${id}x${i}`).join(' ');
  const last = 10 + 2097 - 1;
  for (let id = 10; id <= last; id++) recent.add(id, words(id, 1000));
  // 200 words do not fit in the 152 left: written from the ring's start, over the oldest.
  const wrapped = words(5000, 200);
  recent.add(5000, wrapped);
  assert.equal(recent.wordsOf(5000), wrapped);
  assert.equal(recent.has(10), false);
  assert.equal(recent.wordsOf(last), words(last, 1000));
  recent.setQuery(wrapped);
  assert.equal(recent.similarity(5000, NEAR_THRESHOLD), 1);
  recent.setQuery(words(last, 1000));
  assert.equal(recent.similarity(last, NEAR_THRESHOLD), 1);
  // The next one follows it, and 100 words that fit in what is left are written there.
  const next = words(5001, 100);
  recent.add(5001, next);
  assert.equal(recent.wordsOf(5000), wrapped);
  assert.equal(recent.wordsOf(5001), next);
  recent.setQuery(next);
  assert.equal(recent.similarity(5001, NEAR_THRESHOLD), 1);
  assert.ok(recent.similarity(5000, NEAR_THRESHOLD) < NEAR_THRESHOLD);
});

test('RecentWords.ruledOut: a held sketch rules out only pairs whose similarity does not reach the bound, and the sketch readers give what was held', () => {
  const recent = new RecentWords();
  let ruled = 0;
  for (let t = 0; t < 3000; t++) {
    const a = randomWords(6 + Math.floor(rnd() * 30));
    const b = rnd() < 0.5 ? edited(a, Math.floor(rnd() * 8)) : randomWords(6 + Math.floor(rnd() * 30));
    const id = t + 1;
    recent.add(id, b.join(' '));
    assert.equal(recent.lengthOf(id), b.length);
    assert.ok(recent.setQuery(a.join(' ')));
    for (const atLeast of [NEAR_THRESHOLD, 0.85, 0.9]) {
      const out = recent.ruledOut(recent.lengthOf(id), recent.sketchLowOf(id), recent.sketchHighOf(id), atLeast);
      const sim = recent.similarity(id, atLeast);
      if (out) {
        ruled++;
        assert.equal(sim, -1, `ruled out a pair of similarity ${nearSimilarity(a, b)} at ${atLeast}`);
        assert.ok(nearSimilarity(a, b) < atLeast);
      }
    }
  }
  assert.ok(ruled > 1000, `ruled out ${ruled}`);
  // Not held: no sketch.
  assert.equal(recent.lengthOf(999_999), -1);
});
