// The writer's in-memory index of near-duplicate bands (src/store/band-index.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BandIndex, bandsBlob, blobBands } from '../src/store/band-index.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { quotationBands, quotationWords } from '../src/store/normalize.js';
import { buildAnalysis } from './helpers/analysis.js';

test('band index: the newest members of each band first, at most perBand of each, repeats for shared bands', () => {
  const index = new BandIndex();
  index.add(1, [10, 20, 30, 40]);
  index.add(2, [10, 21, 31, 41]);
  index.add(3, [10, 20, 32, 42]);
  index.add(4, [10, 22, 33, 43]);
  assert.deepEqual(index.members([10, 20, 99, 40], 3), [4, 3, 2, 3, 1, 1]);
  assert.deepEqual(index.members([10], 8), [4, 3, 2, 1]);
  assert.deepEqual(index.members([5, 6], 4), []);
  assert.equal(index.newest, 4);
});

test('band index: a rewind takes back exactly what was added after the mark', () => {
  const index = new BandIndex();
  index.add(1, [10, 20, 30, 40]);
  const mark = index.mark();
  index.add(2, [10, 50, 60, 70]);
  index.add(3, [10, 20, 80, 90]);
  index.rewind(mark);
  assert.deepEqual(index.members([10, 20, 50, 80], 4), [1, 1]);
  assert.equal(index.newest, 1);
  // The ids rolled back are written again (a reused rowid) and found once each.
  index.add(2, [10, 55, 65, 75]);
  assert.deepEqual(index.members([10, 55, 50], 4), [2, 1, 2]);
});

test('band index: keeps every chain through growth of its tables, band 0 and 48-bit bands included', () => {
  const index = new BandIndex();
  const bandsOf = (id: number) => [0, (id % 97) * 2 ** 40 + 12345, 2 ** 47 + id * 7919, 3 * 2 ** 40 + id];
  for (let id = 1; id <= 20_000; id++) index.add(id, bandsOf(id));
  // Band 0 is every quotation's: the newest come first.
  assert.deepEqual(index.members([0], 3), [20_000, 19_999, 19_998]);
  // A band shared by the ids of one residue mod 97.
  assert.deepEqual(index.members([5 * 2 ** 40 + 12345], 3), [19_987, 19_890, 19_793]);
  assert.deepEqual(index.members([2 ** 47 + 1234 * 7919, 3 * 2 ** 40 + 1234], 4), [1234, 1234]);
  const mark = index.mark();
  for (let id = 20_001; id <= 30_000; id++) index.add(id, bandsOf(id)); // grows again
  index.rewind(mark);
  assert.deepEqual(index.members([0], 2), [20_000, 19_999]);
  assert.deepEqual(index.members([2 ** 47 + 25_000 * 7919], 4), []);
});

test('band index: a quotation row keeps its bands as a blob that reads back exactly', () => {
  const bands = quotationBands(quotationWords('The harbour bridge will be finished before the winter storms arrive, she said'));
  assert.equal(bands.length, 4);
  const blob = bandsBlob(bands)!;
  assert.equal(blob.length, 32);
  assert.deepEqual(blobBands(blob), bands);
  assert.equal(bandsBlob([]), null);
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
      const bands = quotationBands(quotationWords(quote));
      assert.deepEqual(index.members(bands, 4), [1, 1, 1, 1]);
    } finally {
      again.closeSync();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
