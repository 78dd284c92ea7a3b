// The writer's in-memory index of near-duplicate bands (src/store/band-index.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BandIndex } from '../src/store/band-index.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { nearSimilarity, quotationBands, quotationWords } from '../src/store/normalize.js';
import { buildAnalysis } from './helpers/analysis.js';

test('band index: the newest members of each band first, at most perBand of each, repeats for shared bands', () => {
  const index = new BandIndex();
  index.add(1, [10, 20, 30, 40], 10);
  index.add(2, [10, 21, 31, 41], 10);
  index.add(3, [10, 20, 32, 42], 10);
  index.add(4, [10, 22, 33, 43], 10);
  assert.deepEqual(index.members([10, 20, 99, 40], 3, 10), [4, 3, 2, 3, 1, 1]);
  assert.deepEqual(index.members([10], 8, 10), [4, 3, 2, 1]);
  assert.deepEqual(index.members([5, 6], 4, 10), []);
  assert.equal(index.newest, 4);
});

test('band index: a member whose length rules out a near-identical wording is left out, as nearSimilarity would reject it', () => {
  const index = new BandIndex();
  index.add(1, [10], 10);
  index.add(2, [10], 12);
  index.add(3, [10], 13);
  index.add(4, [10], 8);
  index.add(5, [10], 7);
  // 10 words: a difference of less than a fifth of the longer (the threshold's complement), so 9 to 12.
  assert.deepEqual(index.members([10], 8, 10), [2, 1]);
  for (const other of [7, 8, 12, 13]) {
    const a = Array.from({ length: 10 }, (_, i) => 'w' + i);
    const b = Array.from({ length: other }, (_, i) => 'w' + i);
    assert.equal(nearSimilarity(a, b) > 0, other === 12, `${other} words`);
  }
});

test('band index: a rewind takes back exactly what was added after the mark', () => {
  const index = new BandIndex();
  index.add(1, [10, 20, 30, 40], 10);
  const mark = index.mark();
  index.add(2, [10, 50, 60, 70], 10);
  index.add(3, [10, 20, 80, 90], 10);
  index.rewind(mark);
  assert.deepEqual(index.members([10, 20, 50, 80], 4, 10), [1, 1]);
  assert.equal(index.newest, 1);
  // The ids rolled back are written again (a reused rowid) and found once each.
  index.add(2, [10, 55, 65, 75], 10);
  assert.deepEqual(index.members([10, 55, 50], 4, 10), [2, 1, 2]);
});

test('band index: keeps every chain through growth of its tables, band 0 and 48-bit bands included', () => {
  const index = new BandIndex();
  const bandsOf = (id: number) => [0, (id % 97) * 2 ** 40 + 12345, 2 ** 47 + id * 7919, 3 * 2 ** 40 + id];
  for (let id = 1; id <= 20_000; id++) index.add(id, bandsOf(id), 12);
  // Band 0 is every quotation's: the newest come first.
  assert.deepEqual(index.members([0], 3, 12), [20_000, 19_999, 19_998]);
  // A band shared by the ids of one residue mod 97.
  assert.deepEqual(index.members([5 * 2 ** 40 + 12345], 3, 12), [19_987, 19_890, 19_793]);
  assert.deepEqual(index.members([2 ** 47 + 1234 * 7919, 3 * 2 ** 40 + 1234], 4, 12), [1234, 1234]);
  const mark = index.mark();
  for (let id = 20_001; id <= 30_000; id++) index.add(id, bandsOf(id), 12); // grows again
  index.rewind(mark);
  assert.deepEqual(index.members([0], 2, 12), [20_000, 19_999]);
  assert.deepEqual(index.members([2 ** 47 + 25_000 * 7919], 4, 12), []);
});

test('band index: loaded from a record, it finds the bands that record wrote', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-bands-'));
  const file = join(dir, 'r.db');
  try {
    const text = '"The harbour bridge will be finished before the winter storms arrive this year," Ada Brandt said.';
    const quote = text.slice(0, text.lastIndexOf('"') + 1);
    const store = openSqliteStore(file);
    await store.addArticle({ source: 'a', text }, buildAnalysis(text, [{ id: 'p1', name: 'Ada Brandt' }], [{ quote, speaker: 'Ada Brandt', entity: 'p1' }]));
    store.closeSync();
    const again = openSqliteStore(file);
    try {
      const index = BandIndex.load(again.db);
      const words = quotationWords(quote);
      const bands = quotationBands(words);
      assert.equal(bands.length, 4);
      assert.deepEqual(again.db.prepare('SELECT words, band0, band1, band2, band3 FROM quotations WHERE id = 1').raw().get(), [words.length, ...bands]);
      assert.deepEqual(index.members(bands, 4, words.length), [1, 1, 1, 1]);
      // Its length is known too: a quotation of twice as many words is no candidate.
      assert.deepEqual(index.members(bands, 4, 2 * words.length), []);
    } finally {
      again.closeSync();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('band index: loads a record of many quotations page by page, the newest of each band first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-bands-'));
  const file = join(dir, 'r.db');
  try {
    const store = openSqliteStore(file);
    try {
      const insert = store.db.prepare(
        "INSERT INTO quotations (id, norm_key, norm_text, words, band0, band1, band2, band3) VALUES (?, ?, 'w', 10, ?, ?, ?, ?)",
      );
      const shortOne = store.db.prepare("INSERT INTO quotations (id, norm_key, norm_text, words) VALUES (?, ?, 'w', 3)");
      store.db.transaction(() => {
        for (let id = 1; id <= 25_000; id++) {
          if (id % 1000 === 0) shortOne.run(id, 'k' + id); // too short for bands
          else insert.run(id, 'k' + id, id % 3, 2 ** 44 + id, 2 ** 45 + (id % 11), 2 ** 46);
        }
      })();
      const index = BandIndex.load(store.db);
      assert.equal(index.newest, 24_999);
      assert.deepEqual(index.members([2 ** 46], 3, 10), [24_999, 24_998, 24_997]);
      assert.deepEqual(index.members([0], 2, 10), [24_999, 24_996]);
      assert.deepEqual(index.members([2 ** 44 + 12_345, 2 ** 44 + 5000], 4, 10), [12_345]);
      const withRest4 = [];
      for (let id = 25_000; withRest4.length < 2; id--) if (id % 11 === 4 && id % 1000 !== 0) withRest4.push(id);
      assert.deepEqual(index.members([2 ** 45 + 4], 2, 10), withRest4);
    } finally {
      store.closeSync();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
