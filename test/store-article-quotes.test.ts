/**
 * An article's quotes in the SQLite record are found by the range of their ids kept on the
 * article's row (migration 14), not by an index of quotes by article: every read of an article's
 * quotes (the article page, article lists' counts, the export) gives what PostgreSQL gives for
 * the same writes, and a record written before the migration reads the same after it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';
import type { ArticleInput, ExportedArticle, Store } from '../src/store/store.js';
import type { Analysis } from '../src/extract/types.js';
import { buildAnalysis } from './helpers/analysis.js';
import { postgresBackend } from './helpers/backends.js';

const SPEAKERS = ['Ada Quill', 'Bram Stone', 'Cleo Marsh'];
const WORDS = `amber basil cedar delta ember fjord grove heron ivory jasper kelp lotus maple nectar opal pepper quartz
raven sage thistle umber violet willow yarrow zinc acorn birch clover dune elm fern granite hazel iris juniper
kestrel lilac moss nutmeg olive pine quince reed spruce tulip urchin vine walnut yew zephyr alder bramble crocus`.split(/\s+/);

/** Article `i`: `i % 4` quotes (none for every fourth), each of its own words, by one or two speakers. */
function article(i: number): { input: ArticleInput; analysis: Analysis } {
  const speaker = SPEAKERS[i % SPEAKERS.length]!;
  const quotes: string[] = [];
  for (let q = 0; q < i % 4; q++) quotes.push(`"The ${WORDS[(3 * i + q) % WORDS.length]} plan needs ${WORDS[(5 * i + 2 * q + 1) % WORDS.length]} now, ${i} ${q},"`);
  const text = [`Story ${i} of the week`, ...quotes.map((q) => `${q} ${speaker} said.`), 'Nothing else was said.'].join('\n\n');
  const analysis = buildAnalysis(
    text,
    quotes.length ? [{ id: 'p1', name: speaker, mentions: [speaker], descriptors: [] }] : [],
    quotes.map((quote) => ({ quote, speaker, entity: 'p1', mention: speaker, cue: 'said' })),
  );
  const input: ArticleInput = { source: `story-${i}.txt`, text, outlet: i % 2 ? 'Odd Times' : 'Even Post' };
  if (i % 3) input.published = `2024-05-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00.000Z`;
  return { input, analysis };
}

/** Writes articles 0..n-1: the first few one at a time, the rest in one batch (as ingest does). */
async function writeArticles(store: Store, from: number, to: number): Promise<number[]> {
  const ids: number[] = [];
  const single = Math.min(to, from + 3);
  for (let i = from; i < single; i++) ids.push((await store.addArticle(article(i).input, article(i).analysis)).articleId);
  const batch = [];
  for (let i = single; i < to; i++) batch.push({ article: article(i).input, analysis: article(i).analysis });
  for (const r of await store.addArticles(batch)) {
    assert.ok(!(r instanceof Error), String(r));
    ids.push(r.articleId);
  }
  return ids;
}

/** What the store answers about its articles: each article (quotes, people), the lists with their counts, the export. */
async function articleReads(store: Store, ids: number[]) {
  const articles = [];
  for (const id of ids) {
    const a = await store.getArticle(id);
    assert.ok(a, `article ${id}`);
    // Ids are each backend's own; what each quote is, and its order, is compared.
    articles.push({
      quoteCount: a.quoteCount,
      quotes: a.quotes.map(({ id: _i, quotationId: _q, personId: _p, ...q }) => q),
      people: a.people.map(({ personId: _p, ...p }) => p),
    });
  }
  const list = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const page = await store.listArticles({ limit: 7, offset });
    list.push(...page.items.map(({ id: _i, ...s }) => s));
    offset = page.next;
  }
  const odd = (await store.listArticles({ outlet: 'odd', limit: 100 })).items.map((s) => s.quoteCount);
  const exported: Omit<ExportedArticle, 'id'>[] = [];
  for await (const { id: _i, ...a } of store.exportArticles()) exported.push(a);
  return { articles, list, odd, exported };
}

function tempStore(): { store: SqliteStore; file: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-aq-'));
  const file = join(dir, 'test.db');
  const store = openSqliteStore(file);
  return { store, file, done: () => { store.closeSync(); rmSync(dir, { recursive: true, force: true }); } };
}

const N = 40;

test('[sqlite] an article\'s quotes are found by the range of ids on its row, with no index of quotes by article; every read gives them as written', async () => {
  const { store, done } = tempStore();
  try {
    const ids = await writeArticles(store, 0, N);
    const db = store.db;
    assert.equal(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'quotes_article'").pluck().get(), 0);
    const rows = db.prepare('SELECT id, first_quote_id AS first, last_quote_id AS last FROM articles ORDER BY id').all() as { id: number; first: number | null; last: number | null }[];
    for (const r of rows) {
      const q = db.prepare('SELECT MIN(id) AS first, MAX(id) AS last, COUNT(*) AS n FROM quotes WHERE article_id = ?').get(r.id) as { first: number | null; last: number | null; n: number };
      if (q.n) {
        assert.deepEqual({ first: r.first, last: r.last }, { first: q.first, last: q.last }, `article ${r.id}`);
        assert.equal(q.last! - q.first! + 1, q.n, 'consecutive ids');
      } else assert.equal(r.last! - r.first!, -1, `article ${r.id} has no quotes: an empty range, not an unknown one`);
    }
    assert.ok(rows.some((r) => r.last! < r.first!), 'an article with no quotes');
    // The article page reads its quotes through the quotes' ids, not by scanning the table.
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT q.* FROM articles a JOIN quotes q ON q.id BETWEEN COALESCE(a.first_quote_id, 0) AND COALESCE(a.last_quote_id, ${Number.MAX_SAFE_INTEGER}) AND q.article_id = a.id WHERE a.id = ?`,
        )
        .all(ids[5]) as { detail: string }[]
    ).map((p) => p.detail);
    assert.ok(plan.some((d) => /SEARCH q USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/.test(d)), plan.join('; '));

    const reads = await articleReads(store, ids);
    for (let i = 0; i < N; i++) {
      const { input, analysis } = article(i);
      assert.equal(reads.articles[i]!.quoteCount, analysis.quotes.length);
      assert.deepEqual(reads.articles[i]!.quotes.map((q) => [q.start, q.end, q.text, q.speakerLabel]), analysis.quotes.map((q) => [q.start, q.end, q.text, q.speaker?.name]));
      assert.deepEqual(reads.exported[i]!.quotes, analysis.quotes);
      assert.equal(reads.exported[i]!.text, input.text);
    }
    assert.equal(reads.list.length, N);
    assert.deepEqual(reads.odd.sort(), Array.from({ length: N }, (_, i) => i).filter((i) => i % 2).map((i) => i % 4).sort());
  } finally {
    done();
  }
});

test('[sqlite] an article row with no range of quote ids (as a build from before migration 14 writes one into a migrated record) still reads its quotes', async () => {
  const { store, done } = tempStore();
  try {
    const ids = await writeArticles(store, 0, N);
    const before = await articleReads(store, ids);
    const withQuotes = ids.filter((_, i) => article(i).analysis.quotes.length > 0);
    assert.ok(withQuotes.length > 2);
    store.db.prepare('UPDATE articles SET first_quote_id = NULL, last_quote_id = NULL WHERE id IN (?, ?)').run(withQuotes[0], withQuotes[2]);
    assert.deepEqual(await articleReads(store, ids), before);
  } finally {
    done();
  }
});

test('[sqlite and postgres] an article\'s quotes read the same from both records: article pages, lists and the export', { skip: postgresBackend.skip }, async () => {
  const sqlite = tempStore();
  const pg = await postgresBackend.open();
  try {
    const fromSqlite = await articleReads(sqlite.store, await writeArticles(sqlite.store, 0, N));
    const fromPg = await articleReads(pg.store, await writeArticles(pg.store, 0, N));
    assert.deepEqual(fromSqlite, fromPg);
  } finally {
    sqlite.done();
    await pg.done();
  }
});

test('migrations: version 14 gives a record written before its articles\' quote ranges and drops the index by article; it reads the same, even with an article\'s quotes apart, and grows as before', async () => {
  const { store, file, done } = tempStore();
  try {
    const ids = await writeArticles(store, 0, N);
    const before = await articleReads(store, ids);
    store.closeSync();
    // The record as version 13 left it: the index by article, no ranges. One article's quotes
    // made not consecutive (a quote of another article between them), as nothing forbade.
    const db = new Database(file);
    const apart = db.prepare('SELECT id, first_quote_id AS first, last_quote_id AS last FROM articles WHERE last_quote_id - first_quote_id >= 2 ORDER BY id LIMIT 1').get() as { id: number; first: number; last: number };
    const other = db.prepare('SELECT id FROM quotes WHERE article_id <> ? ORDER BY id DESC LIMIT 1').pluck().get(apart.id) as number;
    const free = (db.prepare('SELECT MAX(id) FROM quotes').pluck().get() as number) + 1;
    db.exec(`
      CREATE INDEX quotes_article ON quotes(article_id);
      ALTER TABLE articles DROP COLUMN first_quote_id;
      ALTER TABLE articles DROP COLUMN last_quote_id;
      DELETE FROM schema_migrations WHERE version = 14;
      PRAGMA foreign_keys = OFF;
      UPDATE quotes SET id = ${free} WHERE id = ${other};
      UPDATE quotes SET id = ${other} WHERE id = ${apart.first + 1};
      UPDATE quotes SET id = ${apart.first + 1} WHERE id = ${free};
      INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');`);
    assert.notEqual(db.prepare('SELECT article_id FROM quotes WHERE id = ?').pluck().get(apart.first + 1), apart.id);
    db.close();
    const again = openSqliteStore(file);
    try {
      assert.equal(again.db.prepare('SELECT COUNT(*) FROM schema_migrations WHERE version = 14').pluck().get(), 1);
      assert.equal(again.db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'quotes_article'").pluck().get(), 0);
      const moved = await articleReads(again, ids);
      // The article whose quotes were set apart reads them in the same order (by offset), all of them.
      assert.deepEqual(moved, before);
      const more = await writeArticles(again, N, N + 12);
      const after = await articleReads(again, [...ids, ...more]);
      assert.deepEqual(after.articles.slice(0, N), before.articles);
      for (let i = N; i < N + 12; i++) assert.deepEqual(after.exported[i]!.quotes, article(i).analysis.quotes);
    } finally {
      again.closeSync();
    }
  } finally {
    done();
  }
});
