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

/** The quotations of a record's band blocks, in order: [id, words, ...bands] each, checked to lie within their block. */
function blockEntries(db: ReturnType<typeof openSqliteStore>['db']): number[][] {
  const out: number[][] = [];
  let previous = 0;
  for (const { last_id, data } of db.prepare('SELECT last_id, data FROM band_blocks ORDER BY last_id').all() as { last_id: number; data: Buffer }[]) {
    assert.equal(data.length % 48, 0);
    for (let at = 0; at < data.length; at += 48) {
      const entry = [0, 1, 2, 3, 4, 5].map((i) => data.readDoubleLE(at + 8 * i));
      assert.ok(entry[0]! > previous && entry[0]! <= last_id, `quotation ${entry[0]} lies in its block (${previous}, ${last_id}]`);
      out.push(entry);
    }
    previous = last_id;
  }
  return out;
}

function bandRows(db: ReturnType<typeof openSqliteStore>['db']): number[][] {
  return db.prepare('SELECT id, words, band0, band1, band2, band3 FROM quotations WHERE band0 IS NOT NULL ORDER BY id').raw().all() as number[][];
}

const SENTENCES = [
  'The harbour bridge will be finished before the winter storms arrive this year',
  'Our clinics will stay open through the holidays for every family that needs them',
  'Nobody on this council voted to close the library on the east side of town',
  'We have hired forty new teachers and we will hire forty more next spring',
  'The water in the northern reservoir is safe to drink and we have tested it twice',
  'I will not sign a budget that cuts the bus routes our night workers depend on',
];

function article(i: number): { text: string; analysis: ReturnType<typeof buildAnalysis> } {
  const quote = `"${SENTENCES[i % SENTENCES.length]} ${i}."`;
  const text = `${quote} Ada Brandt said.`;
  return { text, analysis: buildAnalysis(text, [{ id: 'p1', name: 'Ada Brandt' }], [{ quote, speaker: 'Ada Brandt', entity: 'p1' }]) };
}

test('band index: each commit writes a block of its quotations, and a record reopened loads the same index from its blocks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-bands-'));
  const file = join(dir, 'r.db');
  try {
    const store = openSqliteStore(file);
    for (let i = 0; i < 3; i++) {
      const a = article(i);
      await store.addArticle({ source: `a${i}`, text: a.text }, a.analysis);
    }
    const group = store.openGroup();
    for (let i = 3; i < 6; i++) {
      const a = article(i);
      group.add({ article: { source: `a${i}`, text: a.text }, analysis: a.analysis });
    }
    group.commit();
    // Four commits, four blocks, together every quotation with bands, as its row has them.
    assert.equal(store.db.prepare('SELECT COUNT(*) FROM band_blocks').pluck().get(), 4);
    assert.equal(bandRows(store.db).length, 6);
    assert.deepEqual(blockEntries(store.db), bandRows(store.db));
    store.closeSync();

    const again = openSqliteStore(file);
    try {
      const fromBlocks = BandIndex.load(again.db);
      again.db.exec('DELETE FROM band_blocks');
      const fromRows = BandIndex.load(again.db);
      for (const [id, words, ...bands] of bandRows(again.db)) {
        assert.deepEqual(fromBlocks.members(bands, 4, words!), fromRows.members(bands, 4, words!), `the members of quotation ${id}'s bands`);
        assert.ok(fromBlocks.members(bands, 4, words!).includes(id!));
      }
      // A record without blocks (written before them): the next commit's block covers all of it.
      const a = article(6);
      await again.addArticle({ source: 'a6', text: a.text }, a.analysis);
      assert.equal(again.db.prepare('SELECT COUNT(*) FROM band_blocks').pluck().get(), 1);
      assert.deepEqual(blockEntries(again.db), bandRows(again.db));
    } finally {
      again.closeSync();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('band index: two writers taking turns on one record write blocks that neither overlap nor leave a quotation out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-bands-'));
  const file = join(dir, 'r.db');
  try {
    const first = openSqliteStore(file);
    const second = openSqliteStore(file);
    try {
      for (let i = 0; i < 6; i++) {
        const a = article(i);
        await (i % 2 ? second : first).addArticle({ source: `a${i}`, text: a.text }, a.analysis);
      }
      assert.equal(bandRows(first.db).length, 6);
      assert.deepEqual(blockEntries(first.db), bandRows(first.db));
      // Each writer's index has the other's quotations too: a near-identical wording groups with either's.
      const near = `"${SENTENCES[1]!.replace('every', 'each')} 1." Ada Brandt said.`;
      const added = await first.addArticle({ source: 'near', text: near }, buildAnalysis(near, [{ id: 'p1', name: 'Ada Brandt' }], [{ quote: near.slice(0, near.lastIndexOf('"') + 1), speaker: 'Ada Brandt', entity: 'p1' }]));
      const quotation = first.db.prepare('SELECT quotation_id FROM quotes WHERE article_id = ?').pluck().get(added.articleId);
      assert.equal(quotation, first.db.prepare('SELECT q.quotation_id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.source = ?').pluck().get('a1'));
    } finally {
      first.closeSync();
      second.closeSync();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('band index: each entry keeps the word sketch given with its quotation, through growth and a rewind; entries found name their quotations', () => {
  const index = new BandIndex();
  const bandsOf = (id: number) => [id % 7, 100 + (id % 11), 200 + (id % 13), 300 + id];
  for (let id = 1; id <= 10_000; id++) index.add(id, bandsOf(id), 12, id % 50, id * 3, -id);
  index.add(10_001, bandsOf(10_001), 12); // no sketch given
  const mark = index.mark();
  for (let id = 10_002; id <= 10_100; id++) index.add(id, bandsOf(id), 12, 1, 2, 3);
  index.rewind(mark);
  const out = new Int32Array(16);
  const n = index.memberEntries(bandsOf(9_999), 4, 12, out);
  assert.deepEqual(
    Array.from(out.subarray(0, n), (e) => index.quotationOf(e)),
    index.members(bandsOf(9_999), 4, 12),
  );
  for (const e of out.subarray(0, n)) {
    const id = index.quotationOf(e);
    if (id === 10_001) {
      assert.equal(index.sketchLengthOf(e), -1);
      continue;
    }
    assert.deepEqual([index.sketchLengthOf(e), index.sketchLowOf(e), index.sketchHighOf(e)], [id % 50, id * 3, -id]);
  }
  const [e] = out;
  index.setSketch(e!, 9, 8, 7);
  assert.deepEqual([index.sketchLengthOf(e!), index.sketchLowOf(e!), index.sketchHighOf(e!)], [9, 8, 7]);
});
