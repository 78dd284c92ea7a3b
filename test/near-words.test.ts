// The writer's near-duplicate check over word hashes (src/store/near-words.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashWords, RecentWords } from '../src/store/near-words.js';
import { NEAR_THRESHOLD, nearSimilarity } from '../src/store/normalize.js';

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
