/**
 * The SQLite record's index of quotes by date (migration 13): it holds dated quotes only, and
 * browsing newest first (a search without words) still gives every quotation, dated ones newest
 * first and undated ones after them in the order they were written, page after page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';
import { buildAnalysis } from './helpers/analysis.js';

const SPEAKERS = ['Ada Quill', 'Bram Stone'];
const TOPICS = ['ferry', 'library', 'bridge', 'harbour', 'market', 'tunnel', 'school', 'garden', 'museum', 'station'];
/** Words no two quotes share (near-identical wordings would be one quotation). */
const WORDS = `amber basil cedar delta ember fjord grove heron ivory jasper kelp lotus maple nectar opal pepper quartz
raven sage thistle umber violet willow yarrow zinc acorn birch clover dune elm fern granite hazel iris juniper
kestrel lilac moss nutmeg olive pine quince reed spruce tulip urchin vine walnut yew zephyr alder bramble crocus
daisy eagle falcon gull hawk ibis jay kite lark merlin newt otter puffin quail robin swan tern vole wren
aspen blossom cobalt dahlia egret finch gorse heath`.split(/\s+/);
const wordsOf = (n: number) => WORDS.slice(4 * n, 4 * n + 4).join(' ');

/** Ten articles of two quotes each; every third undated, the others on days out of order. */
function writeRecord(store: SqliteStore): void {
  for (let i = 0; i < TOPICS.length; i++) {
    const topic = TOPICS[i]!;
    const speaker = SPEAKERS[i % 2]!;
    const first = `"The ${topic} needs ${wordsOf(2 * i)} this year,"`;
    const second = `"Nobody asked about ${wordsOf(2 * i + 1)} before,"`;
    const text = `News of the ${topic}\n\n${first} ${speaker} said.\n\n${second} ${speaker} added.`;
    const analysis = buildAnalysis(
      text,
      [{ id: 'p1', name: speaker, mentions: [speaker], descriptors: [] }],
      [
        { quote: first, speaker, entity: 'p1', mention: speaker, cue: 'said' },
        { quote: second, speaker, entity: 'p1', mention: speaker, cue: 'added' },
      ],
    );
    const published = i % 3 === 2 ? undefined : `2024-03-${String(10 + ((i * 7) % 10)).padStart(2, '0')}T09:00:00.000Z`;
    store.addArticleSync({ source: `${topic}.txt`, text, ...(published ? { published } : {}) }, analysis);
  }
}

/** The quotations newest first as the record's rows order them: dated by date then id, descending; undated by id, descending. */
function expectedOrder(store: SqliteStore, where = '1'): number[] {
  const rows = store.db
    .prepare(`SELECT q.quotation_id AS id, q.published, q.id AS qid FROM quotes q JOIN people p ON p.id = q.person_id WHERE ${where}`)
    .all() as { id: number; published: string | null; qid: number }[];
  rows.sort((a, b) => (a.published === b.published ? b.qid - a.qid : a.published === null ? 1 : b.published === null ? -1 : b.published < a.published ? -1 : 1));
  return [...new Set(rows.map((r) => r.id))];
}

async function pagedIds(store: SqliteStore, query: Parameters<SqliteStore['searchPage']>[0], limit: number): Promise<number[]> {
  const ids: number[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const page = await store.searchPage(query, { limit, offset });
    ids.push(...page.items.map((h) => h.quotationId));
    offset = page.next;
  }
  return ids;
}

/** Entries of the date index (dbstat: what its pages hold). */
function dateIndexEntries(store: SqliteStore): number {
  return store.db.prepare("SELECT SUM(ncell) FROM dbstat WHERE name = 'quotes_published' AND pagetype = 'leaf'").pluck().get() as number;
}

function withStore(fn: (store: SqliteStore, file: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-dates-'));
  const file = join(dir, 'test.db');
  const store = openSqliteStore(file);
  return fn(store, file).finally(() => {
    store.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });
}

async function assertBrowsing(store: SqliteStore): Promise<void> {
  const all = expectedOrder(store);
  assert.equal(all.length, 20);
  for (const limit of [1, 3, 7, 50]) assert.deepEqual(await pagedIds(store, {}, limit), all, `pages of ${limit}`);
  assert.deepEqual(await pagedIds(store, { speaker: 'Ada Quill' }, 3), expectedOrder(store, "p.name = 'Ada Quill'"));
  assert.deepEqual(await pagedIds(store, { since: '2024-03-14' }, 4), expectedOrder(store, "q.published >= '2024-03-14'"));
  assert.deepEqual(await pagedIds(store, { until: '2024-03-13' }, 4), expectedOrder(store, "q.published < '2024-03-14'"));
}

test('[sqlite] the date index holds dated quotes only; browsing newest first pages through dated quotes, then undated ones', async () => {
  await withStore(async (store) => {
    writeRecord(store);
    const dated = store.db.prepare('SELECT COUNT(*) FROM quotes WHERE published IS NOT NULL').pluck().get() as number;
    assert.equal(dated, 14);
    assert.equal(dateIndexEntries(store), dated);
    await assertBrowsing(store);
  });
});

test('[sqlite] migration 13: a record whose date index held every quote keeps browsing the same, its index then holding dated quotes only', async () => {
  await withStore(async (store, file) => {
    writeRecord(store);
    // The record as version 12 left it: every quote in the date index.
    store.db.exec('DROP INDEX quotes_published; CREATE INDEX quotes_published ON quotes(published); DELETE FROM schema_migrations WHERE version = 13;');
    const before = await pagedIds(store, {}, 3);
    assert.equal(dateIndexEntries(store), 20);
    store.closeSync();
    const again = openSqliteStore(file);
    try {
      assert.equal(dateIndexEntries(again), 14);
      assert.deepEqual(await pagedIds(again, {}, 3), before);
      await assertBrowsing(again);
    } finally {
      again.closeSync();
    }
  });
});
