/**
 * People's counts as the writer keeps them, and the people list read from them (migration 17: the
 * index by quote count holds only people quoted 10 times or more; a page past them is sorted).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';
import { buildAnalysis } from './helpers/analysis.js';

function withStore(run: (store: SqliteStore, file: string) => Promise<void> | void): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onrecord-people-top-'));
    const file = join(dir, 'test.db');
    const store = openSqliteStore(file);
    try {
      await run(store, file);
    } finally {
      if (store.db.open) store.closeSync();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

interface Row {
  id: number;
  name: string;
  kind: string;
  quote_count: number;
  article_count: number;
}

/** The people list's order, computed here from every row: most quoted, then most articles, name, id. */
function expectedOrder(db: Database.Database, options: { kind?: string; all?: boolean }): string[] {
  const rows = (db.prepare('SELECT id, name, kind, quote_count, article_count FROM people').all() as Row[])
    .filter((r) => (options.all || r.quote_count > 0) && (!options.kind || r.kind === options.kind))
    .sort((a, b) => b.quote_count - a.quote_count || b.article_count - a.article_count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.id - b.id);
  return rows.map((r) => r.name);
}

let added = 0;
/** People with the given counts, written as rows (the list reads nothing else of them; names may repeat, their normalised forms may not). */
function addPeople(db: Database.Database, people: { name: string; kind?: string; quotes: number; articles: number }[]): void {
  const insert = db.prepare('INSERT INTO people (name, norm_name, surname, kind, quote_count, article_count) VALUES (?, ?, ?, ?, ?, ?)');
  for (const p of people) insert.run(p.name, `${p.name.toLowerCase()} ${++added}`, String(added), p.kind ?? 'person', p.quotes, p.articles);
}

/** 60 people around the index's bound of 10 quotes: ties on quotes, on articles and on names; some orgs, some never quoted. */
function people60(): { name: string; kind?: string; quotes: number; articles: number }[] {
  const out: { name: string; kind?: string; quotes: number; articles: number }[] = [];
  for (let i = 0; i < 60; i++) {
    out.push({
      name: `Person ${String.fromCharCode(65 + (i % 7))} ${i % 3 === 0 ? 'Same' : `N${i}`}${i % 11 === 0 ? ' X' : ''}`,
      kind: i % 9 === 4 ? 'org' : 'person',
      quotes: [0, 3, 9, 10, 11, 25][i % 6]! + (i % 4 === 0 ? 0 : i % 2),
      articles: 1 + (i % 5),
    });
  }
  return out;
}

async function assertListsInOrder(store: SqliteStore): Promise<void> {
  for (const options of [{}, { all: true }, { kind: 'person' }, { kind: 'org' }, { kind: 'person', all: true }]) {
    const expected = expectedOrder(store.db, options);
    for (const limit of [1, 5, 7, 20, 100]) {
      for (let offset = 0; offset <= expected.length + 1; offset += limit > 5 ? 3 : 1) {
        const page = await store.listPeople({ ...options, limit, offset });
        const label = `${JSON.stringify(options)} limit ${limit} offset ${offset}`;
        assert.deepEqual(page.items.map((p) => p.name), expected.slice(offset, offset + limit), label);
        assert.equal(page.next, offset + limit < expected.length ? offset + limit : null, label);
      }
    }
    for (const top of [1, 3, 10, 17, 40, 100]) {
      assert.deepEqual((await store.people({ ...options, top })).map((p) => p.name), expected.slice(0, top), `${JSON.stringify(options)} top ${top}`);
    }
  }
}

test('migrations: version 17 keeps only people quoted 10 times or more in the index by quote count; the people list is the same, page by page, on either side of them', withStore(async (store, file) => {
  addPeople(store.db, people60());
  const indexed = () => store.db.prepare("SELECT COUNT(*) FROM people INDEXED BY people_quotes WHERE quote_count >= 10").pluck().get() as number;
  assert.match(store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'people_quotes'").pluck().get() as string, /WHERE quote_count >= 10$/);
  assert.equal(indexed(), (store.db.prepare('SELECT COUNT(*) FROM people WHERE quote_count >= 10').pluck().get() as number));
  await assertListsInOrder(store);
  // The top of the list is read from the index.
  const plan = (store.db.prepare('EXPLAIN QUERY PLAN SELECT id FROM people p WHERE +p.kind = ? AND p.quote_count >= 10 ORDER BY p.quote_count DESC LIMIT 5').all('person') as { detail: string }[]).map((r) => r.detail);
  assert.ok(plan.some((d) => /USING INDEX people_quotes/.test(d)), plan.join('; '));
  const pages = await Promise.all([0, 5, 30].map((offset) => store.listPeople({ limit: 5, offset })));
  store.closeSync();

  // The record as version 16 left it: every person in the index. Migrated, the same pages.
  const db = new Database(file);
  db.exec('DROP INDEX people_quotes; CREATE INDEX people_quotes ON people(quote_count DESC); DELETE FROM schema_migrations WHERE version = 17;');
  db.close();
  const again = openSqliteStore(file);
  try {
    assert.match(again.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'people_quotes'").pluck().get() as string, /WHERE quote_count >= 10$/);
    assert.deepEqual(await Promise.all([0, 5, 30].map((offset) => again.listPeople({ limit: 5, offset }))), pages);
    await assertListsInOrder(again);
  } finally {
    again.closeSync();
  }
}));

test('[sqlite] the people list on a record with none quoted 10 times, and with more than a page of them', withStore(async (store) => {
  addPeople(store.db, people60().map((p) => ({ ...p, quotes: p.quotes % 10 })));
  await assertListsInOrder(store);
  addPeople(store.db, Array.from({ length: 45 }, (_, i) => ({ name: `Many Quoted ${i % 8}`, quotes: 10 + (i % 4), articles: 2 + (i % 3) })));
  await assertListsInOrder(store);
}));

/** People's counts computed from the record itself: quotes by person, articles and genders from the articles' people. */
function countsFromRecord(db: Database.Database): Map<string, [number, number, number, number]> {
  const out = new Map<string, [number, number, number, number]>();
  const people = db.prepare('SELECT id, name FROM people').all() as { id: number; name: string }[];
  const quotes = db.prepare('SELECT COUNT(*) FROM quotes WHERE person_id = ?').pluck();
  const articles = db.prepare('SELECT people FROM articles').pluck().all() as string[];
  for (const p of people) {
    let n = 0;
    let male = 0;
    let female = 0;
    for (const json of articles) {
      const linked = (JSON.parse(json) as { person: number | null; gender: string | null }[]).filter((e) => e.person === p.id);
      if (linked.length === 0) continue;
      n++;
      if (linked.some((e) => e.gender === 'm')) male++;
      if (linked.some((e) => e.gender === 'f')) female++;
    }
    out.set(p.name, [quotes.get(p.id) as number, n, male, female]);
  }
  return out;
}

function countsInRows(db: Database.Database): Map<string, [number, number, number, number]> {
  const rows = db.prepare('SELECT name, quote_count, article_count, male, female FROM people').all() as { name: string; quote_count: number; article_count: number; male: number; female: number }[];
  return new Map(rows.map((r) => [r.name, [r.quote_count, r.article_count, r.male, r.female]]));
}

/** Articles naming Ada Quill (quoted in some of them, only named in others), Bram Stone (quoted in all) and Cal Dorn (in none). */
function articles(from: number, n: number) {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const quoted = i % 3 !== 1;
    const text = `Ada Quill met Bram Stone and Cal Dorn at the pier on day ${i}. "The ferry will run all winter ${i}," Stone said.${quoted ? ` "We agree on day ${i}," Quill said.` : ''}`;
    const quotes = [{ quote: `"The ferry will run all winter ${i},"`, speaker: 'Bram Stone', entity: 'p2', mention: 'Stone', cue: 'said' }];
    if (quoted) quotes.push({ quote: `"We agree on day ${i},"`, speaker: 'Ada Quill', entity: 'p1', mention: 'Quill', cue: 'said' });
    const people = [
      { id: 'p1', name: 'Ada Quill', mentions: ['Ada Quill', ...(quoted ? ['Quill'] : [])], ...(i % 2 ? { gender: 'f' as const } : {}) },
      { id: 'p2', name: 'Bram Stone', mentions: ['Bram Stone', 'Stone'], ...(i % 4 === 0 ? { gender: 'm' as const } : {}) },
      { id: 'p3', name: 'Cal Dorn', ...(i % 2 ? { gender: 'm' as const } : {}) },
    ];
    return { article: { source: `a${i}.txt`, text }, analysis: buildAnalysis(text, people, quotes) };
  });
}

test('[sqlite] a person named in an article that does not quote it counts the article and not a quote, in a group, in a batch and alone', withStore(async (store) => {
  const group = store.openGroup();
  for (const item of articles(0, 7)) group.add(item);
  assert.ok(group.commit().every((r) => !(r instanceof Error)));
  assert.deepEqual(countsInRows(store.db), countsFromRecord(store.db));
  assert.ok((await store.addArticles(articles(7, 5))).every((r) => !(r instanceof Error)));
  assert.deepEqual(countsInRows(store.db), countsFromRecord(store.db));
  for (const { article, analysis } of articles(12, 3)) await store.addArticle(article, analysis);
  const counts = countsInRows(store.db);
  assert.deepEqual(counts, countsFromRecord(store.db));
  // (What the record holds: 15 articles each; Ada Quill quoted in 10 of them, female in 7, Bram Stone male in 4, Cal Dorn in 7.)
  assert.deepEqual(counts.get('Ada Quill'), [10, 15, 0, 7]);
  assert.deepEqual(counts.get('Bram Stone'), [15, 15, 4, 0]);
  assert.deepEqual(counts.get('Cal Dorn'), [0, 15, 7, 0]);
}));
