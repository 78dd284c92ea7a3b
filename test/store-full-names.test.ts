/**
 * The SQLite writer keeps the fuller-named people of each surname it has read (full-names.ts)
 * instead of asking the record again for every surname-only person. What it keeps must be what
 * the record would say: people created, counted and merged after the list was read, in one
 * group and across groups, and nothing of a write that was rolled back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';
import type { ArticleToStore } from '../src/store/store.js';
import type { Analysis } from '../src/extract/types.js';
import { buildAnalysis } from './helpers/analysis.js';
import { FullNames } from '../src/store/full-names.js';

function tempStore(): { store: SqliteStore; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-fullnames-'));
  const store = openSqliteStore(join(dir, 'test.db'));
  return { store, done: () => { store.closeSync(); rmSync(dir, { recursive: true, force: true }); } };
}

let serial = 0;

/** An article in which one person, named twice, says one thing; `broken` makes its quote fail to be written. */
function said(name: string, quote: string, options: { gender?: 'm' | 'f'; broken?: boolean } = {}): ArticleToStore & { analysis: Analysis } {
  const key = `a${serial++}`;
  const text = `${name} spoke at the hall, story ${key}. "${quote}," ${name} said.`;
  const analysis = buildAnalysis(
    text,
    [{ id: 'p', name, mentions: [name, name], ...(options.gender ? { gender: options.gender } : {}) }],
    [{ quote: `"${quote},"`, speaker: name, entity: 'p', mention: name }],
  );
  // A NOT NULL column left empty: the article fails after its people are resolved and written.
  if (options.broken) (analysis.quotes[0] as unknown as { start: unknown }).start = null;
  return { article: { source: key, text }, analysis };
}

function group(store: SqliteStore, items: ArticleToStore[]): unknown[] {
  const g = store.openGroup();
  for (const item of items) g.add(item);
  return g.commit();
}

function peopleOf(store: SqliteStore): [string, number, number][] {
  return store.db.prepare('SELECT name, quote_count, article_count FROM people ORDER BY name').raw().all() as [string, number, number][];
}

test('[sqlite] a surname-only person joins a full name created after its surname was read, in the same group', () => {
  const { store, done } = tempStore();
  try {
    const results = group(store, [
      said('Pratt', 'The depot closes at nine', { gender: 'm' }), // Pratt's full names read: none
      said('Pratt', 'The buses run late on Sundays', { gender: 'm' }),
      said('Ivo Pratt', 'We will add two routes', { gender: 'm' }), // takes in the surname-only Pratt
      said('Pratt', 'Fares stay as they are', { gender: 'm' }),
    ]);
    assert.ok(results.every((r) => !(r instanceof Error)));
    assert.deepEqual(peopleOf(store), [['Ivo Pratt', 4, 4]]);
  } finally {
    done();
  }
});

test('[sqlite] a surname-only person joins the full name that came to dominate through counts written after its surname was read', () => {
  const { store, done } = tempStore();
  try {
    group(store, [said('Dana Kessler', 'Rents rose again'), said('Lee Kessler', 'The board meets on Friday'), said('Kessler', 'The tenants deserve an answer')]);
    assert.deepEqual(peopleOf(store), [['Dana Kessler', 1, 1], ['Kessler', 1, 1], ['Lee Kessler', 1, 1]]);
    // Nine more quotes of Dana Kessler, counted in this group and written at its commit.
    group(store, Array.from({ length: 9 }, (_, i) => said('Dana Kessler', `The rent board report, part ${i + 1}, is out`)));
    // And one more in a group that also names the surname alone: pending counts and written ones.
    group(store, [said('Dana Kessler', 'We expect a vote soon'), said('Kessler', 'The tenants will be heard')]);
    assert.deepEqual(peopleOf(store), [['Dana Kessler', 13, 13], ['Lee Kessler', 1, 1]]);
  } finally {
    done();
  }
});

test('[sqlite] a full name written by an article that failed is not a candidate afterwards (the article\'s savepoint rolled back)', async () => {
  const { store, done } = tempStore();
  try {
    for (const item of [said('Ann Roe', 'The pool opens in June', { gender: 'f' }), said('Jane Roe', 'The lanes are too narrow', { gender: 'f', broken: true })]) {
      await store.addArticle(item.article, item.analysis).catch(() => undefined);
    }
    assert.deepEqual(peopleOf(store), [['Ann Roe', 1, 1]]);
    // Ann Roe is the one woman of that surname: were Jane Roe still a candidate, neither would be picked.
    const next = said('Roe', 'The lifeguards are hired', { gender: 'f' });
    await store.addArticle(next.article, next.analysis);
    assert.deepEqual(peopleOf(store), [['Ann Roe', 2, 2]]);
  } finally {
    done();
  }
});

test('[sqlite] a group rolled back and written again article by article reads the full names afresh', () => {
  const { store, done } = tempStore();
  try {
    const results = group(store, [
      said('Jane Roe', 'The lanes are too narrow', { gender: 'f' }),
      said('Roe', 'The pool opens in June'),
      said('Tom Hale', 'The gym stays shut', { broken: true }), // the group starts over in safe mode
    ]);
    assert.ok(!(results[0] instanceof Error) && !(results[1] instanceof Error) && results[2] instanceof Error);
    // Jane Roe once, so the surname alone is hers.
    assert.deepEqual(peopleOf(store), [['Jane Roe', 2, 2]]);
  } finally {
    done();
  }
});

test('full names of a surname: held only when all of them fit, counts kept, dropped when one is removed', () => {
  const names = new FullNames(2, 100);
  const p = (id: number, quotes = 1) => ({ id, quotes, male: 0, female: 0, tokens: ['a', 'b'] });
  assert.equal(names.get('b'), undefined);
  names.read('b', [p(1)]);
  names.counted(1, 4, 1, 0);
  assert.deepEqual(names.get('b'), [{ ...p(1, 5), male: 1 }]);
  names.created('b', p(2));
  assert.equal(names.get('b')!.length, 2);
  names.created('b', p(3)); // three: more than it holds, so read by the record's order from now on
  assert.equal(names.get('b'), null);
  names.removed('b');
  assert.equal(names.get('b'), undefined);
  names.read('c', [p(4), p(5), p(6)]);
  assert.equal(names.get('c'), null);
  names.read('d', [p(7)]);
  names.clear();
  assert.equal(names.get('d'), undefined);
});

test('full names of a surname read with none: people created later are held and counted; the list held is its own, not the one it was read from', () => {
  const names = new FullNames(3, 100);
  const p = (id: number, quotes = 1) => ({ id, quotes, male: 0, female: 0, tokens: ['a', 'e'] });
  const read: ReturnType<typeof p>[] = [];
  names.read('e', read);
  assert.deepEqual(names.get('e'), []);
  names.created('e', p(1));
  names.created('e', p(2));
  names.counted(2, 3, 0, 1);
  assert.deepEqual(names.get('e'), [p(1), { ...p(2, 4), female: 1 }]);
  // What the caller does with its array afterwards is not what the record has.
  read.push(p(9));
  assert.deepEqual(names.get('e')!.map((x) => x.id), [1, 2]);
  names.read('f', [p(3)]);
  names.created('f', p(4));
  assert.deepEqual(names.get('f')!.map((x) => x.id), [3, 4]);
});
