/**
 * Store logic on hand-built extraction results (independent of the extractor's accuracy).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ftsTerms, migrate, openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { PG_MIGRATIONS } from '../src/store/pg-migrations.js';
import { openStore } from '../src/store/index.js';
import pg from 'pg';
import { unpackArticle, type ArticleInput, type ExportedArticle } from '../src/store/store.js';
import { packExtracted } from '../src/store/wire.js';
import { prepareArticle } from '../src/store/prepare.js';
import { articleTextHash, sha256, BANDS_PER_QUOTATION, HONORIFICS, isNameMention, nameTokens, normalizeName, referenceNameTokens, normalizeArticleText, nearSimilarity, NEAR_THRESHOLD, normalizeUrl, quotationBands, quotationKey, quotationParts, quotationSignature, quotationSignatures, quotationWords, wordSimilarity } from '../src/store/normalize.js';
import { buildAnalysis } from './helpers/analysis.js';
import { analyze } from '../src/index.js';
import type { Analysis, Quote } from '../src/extract/types.js';
import { backends } from './helpers/backends.js';
import { RecentWords } from '../src/store/near-words.js';
import type { BandIndex } from '../src/store/band-index.js';

/**
 * A quotation's words as writers before stored them in `norm_text` (the writer now leaves it
 * empty): for tests that turn a record written now into one an older version left.
 */
function storeWordsAsBefore(db: Database.Database): void {
  const rows = db
    .prepare("SELECT id, (SELECT text FROM quotes WHERE quotation_id = quotations.id ORDER BY id LIMIT 1) AS text FROM quotations WHERE norm_text = ''")
    .all() as { id: number; text: string }[];
  const update = db.prepare('UPDATE quotations SET norm_text = ? WHERE id = ?');
  for (const r of rows) update.run(quotationSignature(r.text).joined, r.id);
}

function tempStore(): { store: SqliteStore; file: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-store-'));
  const file = join(dir, 'test.db');
  const store = openSqliteStore(file);
  return { store, file, done: () => { store.closeSync(); rmSync(dir, { recursive: true, force: true }); } };
}

const A_TEXT = `City council approves the harbour plan

Mayor Jane Doe defended the plan on Monday. “We will build the harbour this decade, whatever it costs us,” Doe said at city hall.
Critics disagreed. "It is a waste of public money," said Tom Reyes, a councillor for the east ward.
Jane Doe later added that the first pier would open in spring.`;

function articleA(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    source: 'a.html',
    url: 'https://herald.example/news/harbour?utm_source=x',
    canonicalUrl: 'https://herald.example/news/harbour',
    title: 'City council approves the harbour plan',
    outlet: 'The Harbour Herald',
    published: '2024-03-05T09:00:00.000Z',
    text: A_TEXT,
    ...overrides,
  };
}
const analysisA = buildAnalysis(
  A_TEXT,
  [
    { id: 'p1', name: 'Jane Doe', mentions: ['Mayor Jane Doe', 'Doe', 'Jane Doe'], descriptors: ['mayor'] },
    { id: 'p2', name: 'Tom Reyes', mentions: ['Tom Reyes'], descriptors: ['a councillor for the east ward'] },
  ],
  [
    { quote: '“We will build the harbour this decade, whatever it costs us,”', speaker: 'Jane Doe', entity: 'p1', mention: 'Doe', cue: 'said' },
    { quote: '"It is a waste of public money,"', speaker: 'Tom Reyes', entity: 'p2', mention: 'Tom Reyes', cue: 'said' },
    { quote: 'that the first pier would open in spring', speaker: 'Jane Doe', entity: 'p1', mention: 'Jane Doe', cue: 'added', type: 'indirect' },
  ],
);

const B_TEXT = `Harbour plan passes

The mayor, Jane Doe, spoke to reporters. "We will build the harbour this decade, whatever it costs us," she said.
Doe also said: "The harbour belongs to everyone in this city, not to a few."`;
const analysisB = buildAnalysis(
  B_TEXT,
  [{ id: 'e1', name: 'Jane Doe', mentions: ['Jane Doe', 'Doe'], descriptors: ['The mayor'] }],
  [
    { quote: '"We will build the harbour this decade, whatever it costs us,"', speaker: 'Jane Doe', entity: 'e1', mention: 'she', cue: 'said' },
    { quote: '"The harbour belongs to everyone in this city, not to a few."', speaker: 'Jane Doe', entity: 'e1', mention: 'Doe', cue: 'said' },
  ],
);
function articleB(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    source: 'b.html',
    url: 'https://coastal.example/2024/03/04/harbour',
    canonicalUrl: 'https://coastal.example/2024/03/04/harbour',
    outlet: 'Coastal Daily',
    published: '2024-03-04T18:30:00.000Z',
    text: B_TEXT,
    ...overrides,
  };
}

test('migrations: versioned, WAL, reopening applies nothing twice', async () => {
  const { store, file, done } = tempStore();
  try {
    assert.equal(store.schemaVersion, MIGRATIONS[MIGRATIONS.length - 1]!.version);
    assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
    store.closeSync();
    const again = openSqliteStore(file);
    const rows = again.db.prepare('SELECT version FROM schema_migrations').all();
    assert.deepEqual(rows, MIGRATIONS.map((m) => ({ version: m.version })));
    assert.equal((await again.stats()).schemaVersion, MIGRATIONS.at(-1)!.version);
    again.closeSync();
  } finally {
    done();
  }
});

test('migrations: a record another process migrated after this one read the applied versions is left as it is', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-store-'));
  try {
    const file = join(dir, 'r.db');
    openSqliteStore(file).closeSync(); // the other process: every migration applied
    const db = new Database(file);
    // This process read the list of applied versions before the other one committed them.
    const stale = new Proxy(db, {
      get(target, key) {
        if (key === 'prepare') {
          return (sql: string) => (/^SELECT version FROM schema_migrations$/.test(sql) ? { all: () => [] } : target.prepare(sql));
        }
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    assert.equal(migrate(stale), MIGRATIONS.at(-1)!.version);
    assert.equal(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get(), MIGRATIONS.length);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a new record uses 16 KB pages; an existing one keeps its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-store-'));
  try {
    const fresh = openSqliteStore(join(dir, 'new.db'));
    assert.equal(fresh.db.pragma('page_size', { simple: true }), 16384);
    fresh.closeSync();
    const old = new Database(join(dir, 'old.db'));
    old.exec('CREATE TABLE t (x)');
    old.close();
    const reopened = openSqliteStore(join(dir, 'old.db'));
    assert.equal(reopened.db.pragma('page_size', { simple: true }), 4096);
    assert.equal(reopened.schemaVersion, MIGRATIONS.at(-1)!.version);
    reopened.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migrations: a version-1 record is upgraded in place, its data kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-store-'));
  try {
    const file = join(dir, 'old.db');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    db.exec(MIGRATIONS[0]!.sql);
    db.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', '2025-01-01')").run();
    db.prepare("INSERT INTO quotations (norm_key, norm_text) VALUES ('k1', 'old words')").run();
    db.close();
    const store = openSqliteStore(file);
    assert.equal(store.schemaVersion, MIGRATIONS[MIGRATIONS.length - 1]!.version);
    // The quotation's own key is looked up in quotations (migration 5), not copied into quotation_keys.
    assert.deepEqual(store.db.prepare('SELECT key, quotation_id FROM quotation_keys').all(), []);
    assert.deepEqual(store.db.prepare('SELECT id, norm_key, norm_text FROM quotations').all(), [{ id: 1, norm_key: 'k1', norm_text: 'old words' }]);
    store.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migrations: version 5 keeps keys and bands as plain indexes; a quotation is still found by its own key, a segment key and its bands', async () => {
  const { store, file } = tempStore();
  try {
    // A quotation interrupted by its attribution, with two long parts (each a segment key).
    // And a short one, found again only by its own key (too short for bands, no segments).
    const X = '“We are not going to fix the roads with speeches and promises,” Lee said. “We need real money from the province this year.” And: “Not this year.”';
    const lee = [{ id: 'p1', name: 'Sam Lee', mentions: ['Lee'] }];
    const interrupted = X.slice(0, X.indexOf(' And:'));
    await store.addArticle(
      { source: 'x', canonicalUrl: 'https://x.example/1', published: '2025-05-01', text: X },
      buildAnalysis(X, lee, [{ quote: interrupted, speaker: 'Sam Lee', entity: 'p1' }, { quote: '“Not this year.”', speaker: 'Sam Lee', entity: 'p1' }]),
    );
    const segmentKeys = store.db.prepare('SELECT key FROM quotation_keys ORDER BY key').pluck().all() as string[];
    assert.equal(segmentKeys.length, 2);
    store.closeSync();
    // The record as version 4 left it: both tables with foreign keys, the own key copied into
    // quotation_keys, bands as rows (and not yet on the quotation: migration 7 does that).
    const db = new Database(file);
    db.exec(`DROP TABLE quotation_keys;
      CREATE TABLE quotation_keys (key TEXT PRIMARY KEY, quotation_id INTEGER NOT NULL REFERENCES quotations(id) ON DELETE CASCADE) WITHOUT ROWID;
      CREATE INDEX quotation_keys_quotation ON quotation_keys(quotation_id);
      INSERT INTO quotation_keys (key, quotation_id) SELECT norm_key, id FROM quotations;
      CREATE TABLE quotation_bands (band INTEGER NOT NULL, quotation_id INTEGER NOT NULL REFERENCES quotations(id) ON DELETE CASCADE, PRIMARY KEY (band, quotation_id)) WITHOUT ROWID;
      ALTER TABLE quotations DROP COLUMN words; ALTER TABLE quotations DROP COLUMN band0; ALTER TABLE quotations DROP COLUMN band1;
      ALTER TABLE quotations DROP COLUMN band2; ALTER TABLE quotations DROP COLUMN band3;
      DELETE FROM schema_migrations WHERE version IN (5, 7);`);
    storeWordsAsBefore(db);
    const insertBand = db.prepare('INSERT INTO quotation_bands (band, quotation_id) VALUES (?, ?)');
    for (const { id, norm_text } of db.prepare('SELECT id, norm_text FROM quotations').all() as { id: number; norm_text: string }[]) {
      for (const band of quotationBands(norm_text.split(' '))) insertBand.run(band, id);
    }
    const insertKey = db.prepare('INSERT INTO quotation_keys (key, quotation_id) VALUES (?, 1)');
    for (const k of segmentKeys) insertKey.run(k);
    db.close();

    const again = openSqliteStore(file);
    try {
      assert.equal(again.schemaVersion, MIGRATIONS[MIGRATIONS.length - 1]!.version);
      assert.deepEqual(again.db.prepare('SELECT key FROM quotation_keys ORDER BY key').pluck().all(), segmentKeys);
      // Bands are on the quotation rows now (migration 7).
      const schema = again.db.prepare("SELECT sql FROM sqlite_master WHERE name IN ('quotation_keys', 'quotation_bands', 'quotation_keys_quotation')").pluck().all() as string[];
      assert.equal(schema.length, 1);
      assert.equal(again.db.prepare('SELECT count(*) FROM quotations WHERE band0 IS NOT NULL').pluck().get(), 1);
      for (const sql of schema) assert.doesNotMatch(sql, /REFERENCES/);
      assert.deepEqual(again.db.pragma('foreign_key_check'), []);
      // The same wording, one part alone, a near-identical wording: the first quotation; the
      // short one again: the second.
      const same = '"We are not going to fix the roads with speeches and promises," Lee said. "We need real money from the province this year."';
      const part = 'Lee repeated it: "We need real money from the province this year."';
      const near = '"We are not going to fix our roads with speeches and promises," Lee said. "We need real money from the province this year."';
      const short = 'Lee was asked again. "Not this year," he said.';
      let n = 2;
      for (const text of [same, part, near, short]) {
        const quote = text.slice(text.indexOf('"'), text.lastIndexOf('"') + 1);
        await again.addArticle({ source: `s${n}`, canonicalUrl: `https://s.example/${n++}`, published: '2025-05-02', text }, buildAnalysis(text, lee, [{ quote, speaker: 'Sam Lee', entity: 'p1' }]));
      }
      const stats = await again.stats();
      assert.deepEqual([stats.quotes, stats.quotations], [6, 2]);
      assert.deepEqual(again.db.prepare('SELECT id, appearances FROM quotations ORDER BY id').all(), [{ id: 1, appearances: 4 }, { id: 2, appearances: 2 }]);
    } finally {
      again.closeSync();
    }
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
});

test('[sqlite] mentions are stored as offsets into the article; rows written with spelled-out spans still read', async () => {
  const { store, done } = tempStore();
  try {
    const { articleId } = await store.addArticle(articleA(), analysisA);
    const read = () => JSON.parse(store.db.prepare('SELECT people FROM articles WHERE id = ?').pluck().get(articleId) as string) as { id: string; mentions: unknown }[];
    const people = read();
    const doe = analysisA.people[0]!.mentions;
    assert.deepEqual(people.find((p) => p.id === 'p1')!.mentions, doe.map((m) => [m.start, m.end]));
    // Mentions as earlier versions wrote them.
    people.find((p) => p.id === 'p1')!.mentions = doe;
    store.db.prepare('UPDATE articles SET people = ? WHERE id = ?').run(JSON.stringify(people), articleId);
    const detail = await store.getArticle(articleId);
    assert.deepEqual(detail!.people.find((p) => p.id === 'p1')!.mentions, doe);
  } finally {
    done();
  }
});

test('[sqlite] the names of the people a group creates are searchable once it commits; a surname-only one merged in the group is found under the full name', () => {
  const { store, done } = tempStore();
  try {
    const C = '"The vote is a mistake and the ward will remember it," Okafor said.';
    const D = 'Council member Ada Okafor voted no. "We were not consulted," Okafor said.';
    const E = '"The ferry will run all winter," said Cora Lind.';
    const group = store.openGroup();
    group.add({ article: { source: 'c.txt', text: C }, analysis: buildAnalysis(C, [{ id: 'x', name: 'Okafor' }], [{ quote: '"The vote is a mistake and the ward will remember it,"', speaker: 'Okafor', entity: 'x', mention: 'Okafor' }]) });
    group.add({ article: { source: 'd.txt', text: D }, analysis: buildAnalysis(D, [{ id: 'p1', name: 'Ada Okafor', mentions: ['Ada Okafor', 'Okafor'] }], [{ quote: '"We were not consulted,"', speaker: 'Ada Okafor', entity: 'p1', mention: 'Okafor' }]) });
    group.add({ article: { source: 'e.txt', text: E }, analysis: buildAnalysis(E, [{ id: 'p1', name: 'Cora Lind' }], [{ quote: '"The ferry will run all winter,"', speaker: 'Cora Lind', entity: 'p1' }]) });
    assert.ok(group.commit().every((r) => !(r instanceof Error)));
    const people = store.db.prepare('SELECT id, name FROM people ORDER BY name').all() as { id: number; name: string }[];
    assert.deepEqual(people.map((p) => p.name), ['Ada Okafor', 'Cora Lind']);
    const byName = (q: string) => store.db.prepare('SELECT DISTINCT person_id FROM people_fts WHERE people_fts MATCH ?').pluck().all(q);
    assert.deepEqual(byName('cora'), [people[1]!.id]);
    assert.deepEqual(byName('okafor'), [people[0]!.id]);
    // Every name row belongs to a person of the record: the merged one's went with it.
    assert.equal(store.db.prepare('SELECT COUNT(*) FROM people_fts WHERE person_id NOT IN (SELECT id FROM people)').pluck().get(), 0);
  } finally {
    done();
  }
});

test('[sqlite] large writes run with foreign keys unchecked, and leave every reference whole: a merged person\'s names and descriptors go with it; checks are back on after a commit or a rollback', async () => {
  const { store, done } = tempStore();
  try {
    const C = '"The vote is a mistake and the ward will remember it," Okafor, a councillor, said.';
    const D = 'Council member Ada Okafor voted no. "We were not consulted," Okafor said.';
    // A group is taken to be large when the one before was (64 articles, FILTER_MIN_BATCH).
    let filler = 0;
    const fill = (g: ReturnType<SqliteStore['openGroup']>) => {
      while (g.size < 64) {
        const text = `Nothing said ${filler++}.`;
        g.add({ article: { source: `n${filler}.txt`, text }, analysis: buildAnalysis(text, [], []) });
      }
    };
    const first = store.openGroup();
    fill(first);
    assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
    assert.ok(first.commit().every((r) => !(r instanceof Error)));
    const group = store.openGroup();
    group.add({ article: { source: 'c.txt', text: C }, analysis: buildAnalysis(C, [{ id: 'x', name: 'Okafor', descriptors: ['a councillor'] }], [{ quote: '"The vote is a mistake and the ward will remember it,"', speaker: 'Okafor', entity: 'x', mention: 'Okafor' }]) });
    assert.equal(store.db.pragma('foreign_keys', { simple: true }), 0);
    group.add({ article: { source: 'd.txt', text: D }, analysis: buildAnalysis(D, [{ id: 'p1', name: 'Ada Okafor', mentions: ['Ada Okafor', 'Okafor'] }], [{ quote: '"We were not consulted,"', speaker: 'Ada Okafor', entity: 'p1', mention: 'Okafor' }]) });
    fill(group);
    assert.ok(group.commit().every((r) => !(r instanceof Error)));
    assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
    assert.deepEqual(store.db.pragma('foreign_key_check'), []);
    const [okafor] = store.db.prepare('SELECT id FROM people').pluck().all() as number[];
    assert.deepEqual(store.db.prepare('SELECT DISTINCT person_id FROM person_aliases UNION SELECT person_id FROM person_descriptors').pluck().all(), [okafor]);
    assert.deepEqual(store.db.prepare('SELECT descriptor, count FROM person_descriptors').all(), [{ descriptor: 'a councillor', count: 1 }]);
    // A group with an article that fails is rolled back and written again, article by article:
    // the checks are back on after it too.
    const failing = store.openGroup();
    failing.add({ article: { source: 'e.txt', text: D }, analysis: { ...buildAnalysis(D, [], []), quotes: null as unknown as Quote[] } });
    assert.equal(store.db.pragma('foreign_keys', { simple: true }), 0);
    const results = failing.commit();
    assert.ok(results[0] instanceof Error);
    assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
    // Small writes keep them on throughout.
    await store.addArticle({ source: 'f.txt', text: C + ' ' }, buildAnalysis(C + ' ', [{ id: 'x', name: 'Okafor' }], []));
    assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
  } finally {
    done();
  }
});

test('migrations: version 8 moves an article\'s people rows onto the article, and a person merged before still links', async () => {
  const { store, file } = tempStore();
  try {
    const { articleId } = await store.addArticle(articleA(), analysisA);
    const before = (await store.getArticle(articleId))!.people;
    assert.equal(before.length, 2);
    store.closeSync();
    // The record as version 7 left it: a row per entity, mentions as offsets.
    const db = new Database(file);
    const people = JSON.parse(db.prepare('SELECT people FROM articles WHERE id = ?').pluck().get(articleId) as string) as {
      id: string; person: number; name: string; kind: string; gender: string | null; descriptors: string[]; mentions: unknown;
    }[];
    db.exec(`CREATE TABLE article_people (article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, local_id TEXT NOT NULL,
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL, name TEXT NOT NULL, kind TEXT NOT NULL, gender TEXT,
        descriptors TEXT NOT NULL, mentions TEXT NOT NULL, PRIMARY KEY (article_id, local_id)) WITHOUT ROWID;
      CREATE INDEX article_people_person ON article_people(person_id);
      ALTER TABLE articles DROP COLUMN people;
      DROP TABLE people_merged;
      DELETE FROM schema_migrations WHERE version = 8;`);
    const doe = people.find((p) => p.id === 'p1')!;
    const insert = db.prepare('INSERT INTO article_people VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const p of people) insert.run(articleId, p.id, p.person, p.name, p.kind, p.gender, JSON.stringify(p.descriptors), JSON.stringify(p.mentions));
    db.close();
    const again = openSqliteStore(file);
    try {
      assert.equal(again.schemaVersion, MIGRATIONS[MIGRATIONS.length - 1]!.version);
      assert.equal(again.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'article_people'").pluck().get(), 0);
      assert.deepEqual((await again.getArticle(articleId))!.people, before);
      // Had the article been linked to a person since merged into Jane Doe's, it links to hers.
      const moved = people.map((p) => (p.id === 'p1' ? { ...p, person: 999 } : p));
      again.db.prepare('UPDATE articles SET people = ? WHERE id = ?').run(JSON.stringify(moved), articleId);
      again.db.prepare('INSERT INTO people_merged (id, into_id) VALUES (999, 998), (998, ?)').run(doe.person);
      assert.deepEqual((await again.getArticle(articleId))!.people, before);
      const exported = [];
      for await (const a of again.exportArticles()) exported.push(a);
      assert.deepEqual(exported[0]!.people, analysisA.people);
    } finally {
      again.closeSync();
    }
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
});

test('migrations: version 9 has the quotes\' full-text index merge sixteen segments at a time, in a new record and one written before; every quote is still found', async () => {
  const automerge = (db: Database.Database) =>
    db.prepare("SELECT v FROM quotes_fts_config WHERE k = 'automerge'").pluck().get() as number | undefined;
  const { store, file } = tempStore();
  try {
    assert.equal(automerge(store.db), 16);
    // Twenty commits of one article each: twenty index segments, fewer than sixteen merged at once.
    for (let i = 0; i < 20; i++) {
      const text = `Story ${i}. "Pier ${i} opens in spring," Jane Doe said.`;
      await store.addArticle({ source: `s${i}`, text }, buildAnalysis(text, [{ id: 'p1', name: 'Jane Doe' }], [
        { quote: `"Pier ${i} opens in spring,"`, speaker: 'Jane Doe', entity: 'p1', mention: 'Jane Doe', cue: 'said' },
      ]));
    }
    store.closeSync();
    // The record as version 8 left it: FTS5's default merging, four segments at a time.
    const db = new Database(file);
    db.exec("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('automerge', 4); DELETE FROM schema_migrations WHERE version = 9;");
    assert.equal(automerge(db), 4);
    db.close();
    const again = openSqliteStore(file);
    try {
      assert.equal(automerge(again.db), 16);
      again.db.prepare("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)").run();
      for (const i of [0, 7, 19]) assert.equal((await again.search({ text: `pier ${i}` }))[0]?.text, `"Pier ${i} opens in spring,"`);
      assert.equal((await again.search({ text: 'spring', limit: 100 })).length, 20);
    } finally {
      again.closeSync();
    }
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
});

test('an article text hash: folded marks, collapsed whitespace and case; the same as records written before', () => {
  const text = '  The Mayor\u00a0said:\n\n  “We’ll  build\tit — soon.”\u2028 \r\nEnd ';
  assert.equal(normalizeArticleText(text), 'the mayor said: "we\'ll build it - soon." end');
  // Existing records dedupe by this value: a change to the normalisation must keep it.
  assert.equal(articleTextHash(text), '72f27f563ce2f92be9f7d4e498c0b283bf1124d4607df24ebc8d521a7f1b9db5');
  for (const gap of [' ', '  ', '\n', ' \n ', '\t\t', '\u00a0', ' \u3000']) {
    assert.equal(normalizeArticleText(`a${gap}b`), 'a b', JSON.stringify(gap));
  }
  // The hash of most texts is taken in one pass over their bytes: the same as hashing the
  // normalised text, whatever the text has (a fixed seed: the same strings each run).
  const alphabet = ['a', 'B', 'Word', '\u2026', '...', ' ', '  ', '\t', '\n', '\r\n', '\v', '\f', '\u00a0', '\u2028', '\u3000', '"', '\u201c', '\u00ab',
    "'", '`', '\u2019', '-', '\u2014', '\u2011', '\u2212', 'é', 'É', '\x1c', '\u200b', '\ufeff', '\u00bd',
    '\u2010', '\u2015', '\u2016', '\u201b', '\u201f', '\u2020', '\u00bb', '\u00ac', '\u0085', '\u2213', '\u{1f600}', '\0'];
  let seed = 3;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let k = 0; k < 20000; k++) {
    let t = '';
    for (let i = 1 + Math.floor(rnd() * 30); i > 0; i--) t += alphabet[Math.floor(rnd() * alphabet.length)];
    assert.equal(articleTextHash(t), sha256(normalizeArticleText(t)), JSON.stringify(t));
    // Read from the text's UTF-8 bytes (a text file's, in ingest), the same hash.
    assert.equal(articleTextHash(t, Buffer.from(t, 'utf8')), sha256(normalizeArticleText(t)), JSON.stringify(t));
  }
  assert.equal(articleTextHash('x'.repeat(50000) + '\u2026'), sha256('x'.repeat(50000) + '...'));
  assert.equal(articleTextHash('x'.repeat(50000) + '\u2026', Buffer.from('x'.repeat(50000) + '\u2026')), sha256('x'.repeat(50000) + '...'));
});

test('the hand-off from the workers: flat numbers and strings, spans as offsets, and back with their text', () => {
  // Every optional part present once: an id, a quote in two quoted parts with neither mention
  // nor cue but an addressee and a time, a gender, a group's members.
  const [q0, q1] = analysisA.quotes as [Quote, Quote];
  const analysis: Analysis = {
    id: 'harbour-1',
    quotes: [
      ...analysisA.quotes,
      {
        ...q0, speaker: { ...q0.speaker, mention: null }, cue: null, segments: [q0, q1].map(({ start, end, text }) => ({ start, end, text })),
        addressee: { name: 'Tom Reyes', entity: 'p2', mention: q1.speaker.mention! }, when: { ...q1.cue!, resolved: null },
      },
    ],
    people: [{ ...analysisA.people[0]!, gender: 'f' }, { ...analysisA.people[1]!, members: ['p1'] }],
  };
  const prepared = prepareArticle(articleA(), analysis);
  const packed = packExtracted(analysis, prepared);
  // No property names travel, and no span's text: quotes, cues and mentions are offsets into
  // the article, which the writer has (the keys hold normalised words and names).
  assert.doesNotMatch(packed.strings, /text|start|speaker|mentions/);
  // (A quotation's normalised words do travel: for an indirect one they can equal its text.)
  for (const q of analysis.quotes) if (q.type !== 'indirect') assert.ok(!packed.strings.includes(q.text), q.text);
  assert.ok(!packed.strings.includes('said at city hall'));
  const back = unpackArticle({ article: articleA(), extracted: packed });
  assert.deepStrictEqual(back.analysis, analysis);
  assert.deepStrictEqual(back.prepared, prepared);
  // Strings that would need escaping in JSON or could pass for separators come back as they were.
  const odd = { ...analysis, people: [{ ...analysis.people[0]!, descriptors: ['a "quoted", \\ back\u0000slash', ''] }, analysis.people[1]!] };
  assert.deepStrictEqual(unpackArticle({ article: articleA(), extracted: packExtracted(odd, prepared) }).analysis, odd);
  // A hand-off that lost values is refused rather than misread.
  const cut = { strings: packed.strings, keys: packed.keys, numbers: packed.numbers.subarray(0, packed.numbers.length - 1) };
  assert.throws(() => unpackArticle({ article: articleA(), extracted: cut }), /malformed hand-off/);
});

// The behaviour of the record, the same on every backend.
for (const backend of backends) {
  test(`[${backend.name}] an interrupted quotation ("A," she said. "B.") groups with an outlet quoting only one part`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      const X = '“We are not going to fix the roads with speeches and promises,” Lee said. “We need money from the province.”';
      await store.addArticle(
        { source: 'x', canonicalUrl: 'https://x.example/1', outlet: 'X', published: '2025-05-01', text: X },
        buildAnalysis(X, [{ id: 'p1', name: 'Sam Lee', mentions: ['Lee'] }], [
          { quote: X, speaker: 'Sam Lee', entity: 'p1' }, // the span runs over the interrupting "Lee said"
        ]),
      );
      const Y = 'Sam Lee was blunt. "We are not going to fix the roads with speeches and promises," he said.';
      await store.addArticle(
        { source: 'y', canonicalUrl: 'https://y.example/1', outlet: 'Y', published: '2025-05-02', text: Y },
        buildAnalysis(Y, [{ id: 'p1', name: 'Sam Lee' }], [
          { quote: '"We are not going to fix the roads with speeches and promises,"', speaker: 'Sam Lee', entity: 'p1', mention: 'he', cue: 'said' },
        ]),
      );
      const hits = await store.search({ text: 'roads speeches' });
      assert.equal(hits.length, 1);
      assert.equal(hits[0]!.totalAppearances, 2);
      assert.equal(hits[0]!.first.outlet, 'X');
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] an article is stored once: canonical URL first, else normalised text`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      const r1 = await store.addArticle(articleA(), analysisA);
      assert.equal(r1.added, true);
      assert.equal(r1.quotes, 3);
      // same canonical URL, different text (an updated page): still the same article
      assert.equal((await store.addArticle(articleA({ text: A_TEXT + '\nUpdated.' }), analysisA)).added, false);
      // no URL at all, same text up to whitespace and typographic quotes: same article
      const retyped = A_TEXT.replace(/[“”]/g, '"').replace(/\n/g, '\n\n  ');
      assert.equal((await store.addArticle({ source: 'a.txt', text: retyped }, analysisA)).added, false);
      // a text-only article first, then the same text from a URL: same article
      const T = 'A short wire story. "Nothing to add," a spokesperson said.';
      assert.equal((await store.addArticle({ source: 'w.txt', text: T }, { quotes: [], people: [] })).added, true);
      assert.equal(
        (await store.addArticle({ source: 'u', canonicalUrl: 'https://x.example/w', text: T }, { quotes: [], people: [] })).added,
        false,
      );
      const stats = await store.stats();
      assert.equal(stats.articles, 2);
      assert.equal(stats.quotes, 3);
      assert.ok((await store.findArticle({ canonicalUrl: 'https://herald.example/news/harbour', textHash: 'x' })) !== null);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] one article is one transaction: a failure stores nothing of it`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      const bad = buildAnalysis(A_TEXT, [{ id: 'p1', name: 'Jane Doe' }], [
        { quote: '"It is a waste of public money,"', speaker: 'Jane Doe', entity: 'p1' },
      ]);
      (bad.quotes[0] as unknown as { start: unknown }).start = null; // violates NOT NULL after the article row
      await assert.rejects(store.addArticle(articleA(), bad));
      const s = await store.stats();
      assert.deepEqual([s.articles, s.quotes, s.people], [0, 0, 0]);
      assert.equal((await store.addArticle(articleA(), analysisA)).added, true);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a large batch: good articles stored and searchable, a bad one in the middle leaves nothing; batches run one after another`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      const items = Array.from({ length: 40 }, (_, i) => {
        const quote = `"Road ${i} is fixed,"`; // short: grouped only when exactly equal
        const text = `Council story ${i}. ${quote} Jane Doe said.`;
        const analysis = buildAnalysis(text, [{ id: 'p1', name: 'Jane Doe' }], [
          { quote, speaker: 'Jane Doe', entity: 'p1', mention: 'Jane Doe', cue: 'said' },
        ]);
        return { article: { source: `s${i}`, text, published: '2025-01-01' }, analysis };
      });
      (items[17]!.analysis.quotes[0] as unknown as { start: unknown }).start = null;
      const O = 'Other story. "Parks need money," Tom Reyes said.';
      const other = [{ article: { source: 'o', text: O }, analysis: buildAnalysis(O, [{ id: 'p1', name: 'Tom Reyes' }], [{ quote: '"Parks need money,"', speaker: 'Tom Reyes', entity: 'p1' }]) }];
      const [r1, r2] = await Promise.all([store.addArticles(items), store.addArticles(other)]);
      assert.equal(r1.length, 40);
      assert.ok(r1[17] instanceof Error);
      assert.ok(r1.every((r, i) => i === 17 || (!(r instanceof Error) && r.added)));
      assert.ok(!(r2[0] instanceof Error) && r2[0]!.added);
      const s = await store.stats();
      assert.deepEqual([s.articles, s.quotes], [40, 40]);
      assert.equal((await store.search({ text: 'road 39' })).length, 1);
      assert.equal((await store.search({ text: 'road 17' })).length, 0);
      assert.equal((await store.search({ speaker: 'Jane Doe', limit: 100 })).length, 39);
      assert.equal((await store.search({ text: 'parks' }))[0]?.speaker, 'Tom Reyes');
      assert.equal((await store.people()).find((p) => p.name === 'Jane Doe')?.quotes, 39);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] one person across articles, with aliases and descriptors counted; surname-only joins`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      await store.addArticle(articleA(), analysisA);
      await store.addArticle(articleB(), analysisB);
      // An article that only ever says "Doe": the extractor's person is surname-only.
      const C = 'Doe was unavailable. "I have nothing more to say on the harbour today," Doe said.';
      await store.addArticle(
        { source: 'c.txt', text: C, outlet: 'Bay Wire', published: '2024-03-06' },
        buildAnalysis(C, [{ id: 'x', name: 'Doe', mentions: ['Doe', 'Doe'] }], [
          { quote: '"I have nothing more to say on the harbour today,"', speaker: 'Doe', entity: 'x', mention: 'Doe', cue: 'said' },
        ]),
      );
      const people = await store.people({ top: 10 });
      const jane = people.filter((p) => /doe/i.test(p.name));
      assert.equal(jane.length, 1, JSON.stringify(people));
      assert.equal(jane[0]!.name, 'Jane Doe');
      assert.equal(jane[0]!.quotes, 5);
      assert.equal(jane[0]!.articles, 3);
      assert.equal(people[0]!.name, 'Jane Doe');

      const detail = (await store.person('Jane Doe'))!;
      assert.ok(detail);
      const alias = Object.fromEntries(detail.aliases.map((a) => [a.value, a.count]));
      assert.equal(alias['Doe'], 4);
      assert.equal(alias['Jane Doe'], 2);
      assert.equal(alias['Mayor Jane Doe'], 1);
      const desc = Object.fromEntries(detail.descriptors.map((d) => [d.value, d.count]));
      assert.equal(desc['mayor'], 1);
      assert.equal(desc['The mayor'], 1);
      assert.equal(detail.firstQuoted, '2024-03-04T18:30:00.000Z');
      assert.equal(detail.lastQuoted, '2024-03-06');
      assert.deepEqual(detail.outlets.map((o) => o.value).sort(), ['Bay Wire', 'Coastal Daily', 'The Harbour Herald']);
      // lookup by surname, by alias, with an honorific, case-insensitively
      assert.equal((await store.person('doe'))?.id, detail.id);
      assert.equal((await store.person('Mayor Jane Doe'))?.id, detail.id);
      assert.equal((await store.person('Ms. Jane DOE'))?.id, detail.id);
      assert.equal(await store.person('Nobody Atall'), null);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a surname-only person recorded first joins the full name when it arrives`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      const C = '"The vote is a mistake and the ward will remember it," Okafor said.';
      const first = await store.addArticle(
        { source: 'c.txt', text: C },
        buildAnalysis(C, [{ id: 'x', name: 'Okafor' }], [
          { quote: '"The vote is a mistake and the ward will remember it,"', speaker: 'Okafor', entity: 'x', mention: 'Okafor' },
        ]),
      );
      const D = 'Council member Ada Okafor voted no. "We were not consulted," Okafor said.';
      await store.addArticle(
        { source: 'd.txt', text: D },
        buildAnalysis(D, [{ id: 'p1', name: 'Ada Okafor', mentions: ['Ada Okafor', 'Okafor'] }], [
          { quote: '"We were not consulted,"', speaker: 'Ada Okafor', entity: 'p1', mention: 'Okafor' },
        ]),
      );
      const people = await store.people();
      assert.deepEqual(people.map((p) => [p.name, p.quotes, p.articles]), [['Ada Okafor', 2, 2]]);
      const hits = await store.search({ speaker: 'Ada Okafor' });
      assert.equal(hits.length, 2);
      // The first article's entity now links to the full name's person.
      assert.deepEqual((await store.getArticle(first.articleId))!.people.map((p) => p.personId), [people[0]!.id]);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] one article naming a person by surname first and in full later: the surname-only person joins the full one, quotes and all`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      // The extractor kept them apart (a headline's `Okafor`, the text's `Ada Okafor`).
      const T = 'Okafor Votes No\n\n"We were not consulted," Okafor said. Council member Ada Okafor left early. "It was a mistake," she said.';
      const r = await store.addArticle(
        { source: 't.txt', text: T },
        buildAnalysis(T, [{ id: 'h', name: 'Okafor', mentions: ['Okafor'] }, { id: 'p', name: 'Ada Okafor', mentions: ['Ada Okafor'] }], [
          { quote: '"We were not consulted,"', speaker: 'Okafor', entity: 'h', mention: 'Okafor' },
          { quote: '"It was a mistake,"', speaker: 'Ada Okafor', entity: 'p', mention: 'she' },
        ]),
      );
      assert.equal(r.added, true);
      assert.deepEqual((await store.people()).map((p) => [p.name, p.quotes, p.articles]), [['Ada Okafor', 2, 1]]);
      const article = await store.getArticle(r.articleId);
      const ada = (await store.people())[0]!.id;
      assert.deepEqual(article!.quotes.map((q) => q.personId), [ada, ada]);
      assert.deepEqual(article!.people.map((p) => p.personId), [ada, ada]);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] to whom and when a quote was said are kept, read back and exported; quotes without them have neither`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      const T = 'Mayor Ana Ruiz told reporters on Tuesday that the pier would reopen. "We are not done," she added.';
      const analysis = analyze(T, { published: '2025-03-13' });
      const told = analysis.quotes.find((q) => q.text === 'that the pier would reopen')!;
      assert.ok(told.addressee && told.when, 'the extractor found both');
      const r = await store.addArticle({ source: 'ruiz.txt', canonicalUrl: 'https://x.example/ruiz', published: '2025-03-13', text: T }, analysis);
      const stored = (await store.getArticle(r.articleId))!.quotes;
      const back = stored.find((q) => q.text === told.text)!;
      assert.deepStrictEqual(back.addressee, told.addressee);
      assert.deepStrictEqual(back.when, { start: told.when.start, end: told.when.end, text: 'on Tuesday', resolved: '2025-03-11' });
      const other = stored.find((q) => q.text === '"We are not done,"')!;
      assert.equal('addressee' in other || 'when' in other, false);
      const exported: ExportedArticle[] = [];
      for await (const a of store.exportArticles()) exported.push(a);
      assert.deepStrictEqual(exported[0]!.quotes.find((q) => q.text === told.text)!.addressee, told.addressee);
      const ruiz = (await store.people()).find((p) => p.name === 'Ana Ruiz')!;
      const page = await store.personQuotes(ruiz.id);
      const listed = page.items.find((q) => q.text === told.text)!;
      assert.deepStrictEqual([listed.addressee, listed.when], ['reporters', { text: 'on Tuesday', resolved: '2025-03-11' }]);
      assert.deepStrictEqual(page.items.filter((q) => q.text !== told.text).map((q) => [q.addressee, q.when]), [[null, null]]);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] the same quotation from several outlets is one quotation with its earliest appearance`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      await store.addArticle(articleA(), analysisA); // 5 March
      await store.addArticle(articleB(), analysisB); // 4 March: earlier
      // near-identical wording in a third outlet, published later
      const E = 'Jane Doe repeated: "We will build this harbour this decade, whatever it costs." Tom Reyes disagreed.';
      await store.addArticle(
        { source: 'e', canonicalUrl: 'https://bay.example/e', outlet: 'Bay Wire', published: '2024-03-07', text: E },
        buildAnalysis(E, [{ id: 'p1', name: 'Jane Doe' }], [
          { quote: '"We will build this harbour this decade, whatever it costs."', speaker: 'Jane Doe', entity: 'p1', mention: 'Jane Doe', cue: 'repeated' },
        ]),
      );
      const stats = await store.stats();
      assert.equal(stats.quotes, 6);
      assert.equal(stats.quotations, 4); // build-the-harbour x3, waste, pier, belongs
      const hits = await store.search({ text: 'harbour decade' });
      assert.equal(hits.length, 1);
      const hit = hits[0]!;
      assert.equal(hit.totalAppearances, 3);
      assert.equal(hit.appearances.length, 3);
      assert.equal(hit.first.outlet, 'Coastal Daily');
      assert.equal(hit.first.published, '2024-03-04T18:30:00.000Z');
      assert.deepEqual(hit.appearances.map((a) => a.outlet), ['Coastal Daily', 'The Harbour Herald', 'Bay Wire']);
      assert.equal(hit.speaker, 'Jane Doe');
      // filters apply to appearances
      const herald = await store.search({ text: 'harbour decade', outlet: 'herald' });
      assert.equal(herald[0]!.appearances.length, 1);
      assert.equal(herald[0]!.totalAppearances, 3);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] search: full text, speaker, outlet and date filters, hostile query syntax`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      await store.addArticle(articleA(), analysisA);
      await store.addArticle(articleB(), analysisB);
      assert.equal((await store.search({ text: 'public money' }))[0]!.speaker, 'Tom Reyes');
      assert.equal((await store.search({ text: 'money', speaker: 'Jane Doe' })).length, 0);
      assert.equal((await store.search({ text: 'money', speaker: 'reyes' })).length, 1);
      // names are searchable text too
      assert.ok((await store.search({ text: 'Reyes' })).length >= 1);
      assert.equal((await store.search({ speaker: 'Jane Doe' })).length, 3);
      assert.equal((await store.search({ speaker: 'Jane Doe', since: '2024-03-05' })).length, 2);
      assert.equal((await store.search({ speaker: 'Jane Doe', until: '2024-03-04' })).length, 2);
      assert.equal((await store.search({ outlet: 'Coastal' })).length, 2);
      assert.equal((await store.search({ text: 'pier*' })).length, 1);
      assert.equal((await store.search({ text: '"first pier"' })).length, 1);
      for (const q of ['"', 'AND', 'NOT', '(', 'a:b', "it's", '*', 'harbour OR', 'speaker_label:x', 'NEAR(']) {
        await store.search({ text: q, speaker: q }); // must not throw
      }
      assert.equal((await store.search({ text: 'nonexistentword' })).length, 0);
      assert.equal((await store.search({})).length, 4); // 5 quotes, one quotation reported twice
      assert.equal((await store.search({ limit: 2 })).length, 2);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] export: one article a line with the contract quote fields`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      await store.addArticle(articleA({ externalId: 'art-a' }), analysisA);
      const out: ExportedArticle[] = [];
      for await (const a of store.exportArticles()) out.push(a);
      assert.equal(out.length, 1);
      const a = out[0]!;
      assert.equal(a.id, 'art-a');
      assert.equal(a.canonical_url, 'https://herald.example/news/harbour');
      assert.equal(a.published, '2024-03-05T09:00:00.000Z');
      assert.equal(a.quotes.length, 3);
      for (const q of a.quotes) assert.equal(a.text.slice(q.start, q.end), q.text);
      assert.deepEqual(a.quotes[0], analysisA.quotes[0]);
      assert.deepEqual(a.people.map((p) => p.id), ['p1', 'p2']);
      // People as analysed, their mentions' text read back from the article (stored as offsets).
      assert.deepEqual(a.people, analysisA.people);
      const detail = await store.getArticle((await store.findArticle({ canonicalUrl: a.canonical_url, textHash: articleTextHash(a.text) }))!);
      assert.deepEqual(detail!.people.map(({ personId: _, ...p }) => p), analysisA.people);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a person is recorded under the shorter name the article also uses, not words around it`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      const A = 'Republican Ada Okafor spoke first. "The budget is late," Ada Okafor said. Ada Okafor left. Okafor returned.';
      await store.addArticle(
        { source: 'a', text: A },
        buildAnalysis(A, [{ id: 'p1', name: 'Republican Ada Okafor', mentions: ['Republican Ada Okafor', 'Ada Okafor', 'Ada Okafor', 'Okafor'] }], [
          { quote: '"The budget is late,"', speaker: 'Republican Ada Okafor', entity: 'p1', mention: 'Ada Okafor' },
        ]),
      );
      const B = 'Ada Okafor Speaks On Roads. "Roads first," Ada Okafor said. Okafor was firm.';
      await store.addArticle(
        { source: 'b', text: B },
        buildAnalysis(B, [{ id: 'p1', name: 'Ada Okafor Speaks', mentions: ['Ada Okafor Speaks', 'Ada Okafor', 'Okafor'] }], [
          { quote: '"Roads first,"', speaker: 'Ada Okafor Speaks', entity: 'p1', mention: 'Ada Okafor' },
        ]),
      );
      // A particle that is not a first name starts no name of its own.
      const C = 'Anna de Vries objected. "Not this year," De Vries said. De Vries left.';
      await store.addArticle(
        { source: 'c', text: C },
        buildAnalysis(C, [{ id: 'p1', name: 'Anna de Vries', mentions: ['Anna de Vries', 'De Vries', 'De Vries'] }], [
          { quote: '"Not this year,"', speaker: 'Anna de Vries', entity: 'p1', mention: 'De Vries' },
        ]),
      );
      const people = await store.people();
      assert.deepEqual(people.map((p) => [p.name, p.quotes, p.articles]), [['Ada Okafor', 2, 2], ['Anna de Vries', 1, 1]]);
      assert.equal((await store.search({ speaker: 'Ada Okafor' })).length, 2);
      const ada = (await store.person('Okafor'))!;
      assert.ok(ada.aliases.some((a) => a.value === 'Republican Ada Okafor'), 'the longer wording is kept as an alias');
    } finally {
      await done();
    }
  });
}

// Near-identical wordings of one quotation, long enough for near grouping (not exactly equal).
const NEAR = [
  'We will rebuild every school in the eastern district before the next winter arrives',
  'We will rebuild every school in the eastern district before next winter arrives',
  'We shall rebuild every school in the eastern district before the next winter arrives',
];

function nearArticle(i: number, wording: string, published: string, extra = '') {
  const quote = `"${wording},"`;
  const text = `Story ${i}. ${quote} Jane Doe said. ${extra}`;
  return {
    article: { source: `near-${i}`, text, published, outlet: `Outlet ${i}` },
    analysis: buildAnalysis(text, [{ id: 'p1', name: 'Jane Doe', mentions: ['Jane Doe'], descriptors: ['the mayor'] }], [
      { quote, speaker: 'Jane Doe', entity: 'p1', mention: 'Jane Doe', cue: 'said' },
    ]),
  };
}

test('[sqlite] a quote\'s mention is stored without its text when that is the article\'s text at its offsets, and read back the same; one that is not keeps its text', async () => {
  const { store, done } = tempStore();
  try {
    // An astral character before the quotes: offsets count UTF-16 units, as JavaScript does.
    const text = `\u{1F4F0} Story. "We will open the new bridge in the spring," Jane Doe said. "It is late," said Tom Reyes.`;
    const analysis = buildAnalysis(
      text,
      [
        { id: 'p1', name: 'Jane Doe', mentions: ['Jane Doe'], descriptors: [] },
        { id: 'p2', name: 'Tom Reyes', mentions: ['Tom Reyes'], descriptors: [] },
      ],
      [
        { quote: '"We will open the new bridge in the spring,"', speaker: 'Jane Doe', entity: 'p1', mention: 'Jane Doe', cue: 'said' },
        { quote: '"It is late,"', speaker: 'Tom Reyes', entity: 'p2', mention: 'Tom Reyes', cue: 'said' },
      ],
    );
    // A caller's mention whose text is not the article's at its offsets.
    analysis.quotes[1]!.speaker.mention!.text = 'the councillor';
    const { articleId } = await store.addArticle({ source: 'bridge', text }, analysis);
    const stored = store.db.prepare('SELECT mention_text FROM quotes WHERE article_id = ? ORDER BY id').pluck().all(articleId);
    assert.deepEqual(stored, [null, 'the councillor']);
    const detail = (await store.getArticle(articleId))!;
    const byStart = (qs: readonly Quote[]) => [...qs].sort((x, y) => x.start - y.start).map((q) => q.speaker.mention);
    assert.deepEqual(byStart(detail.quotes), byStart(analysis.quotes));
    assert.equal(detail.quotes.find((q) => q.text.includes('bridge'))!.speaker.mention!.text, 'Jane Doe');
    const exported: ExportedArticle[] = [];
    for await (const a of store.exportArticles()) exported.push(a);
    assert.deepEqual(byStart(exported[0]!.quotes), byStart(analysis.quotes));
    // A row written before, with its mention's text spelled out, reads as it was.
    store.db.prepare("UPDATE quotes SET mention_text = 'Doe' WHERE mention_text IS NULL").run();
    assert.equal((await store.getArticle(articleId))!.quotes.find((q) => q.text.includes('bridge'))!.speaker.mention!.text, 'Doe');
  } finally {
    done();
  }
});

test('[sqlite] a new quotation\'s words are not stored: a near-duplicate check of a quotation the writer does not hold reads them from its first quote, even after an earlier appearance became its first', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-store-'));
  const file = join(dir, 'test.db');
  try {
    let store = openSqliteStore(file);
    assert.ok(!((await store.addArticles([nearArticle(1, NEAR[0]!, '2025-02-10')]))[0] instanceof Error));
    store.closeSync();
    // A new writer holds no words: the check reads the quotation's.
    store = openSqliteStore(file);
    assert.ok(!((await store.addArticles([nearArticle(3, NEAR[2]!, '2025-02-01')]))[0] instanceof Error));
    store.closeSync();
    store = openSqliteStore(file);
    const words = (store as unknown as { quotationWords(id: number): string | undefined }).quotationWords(1);
    assert.equal(words, quotationSignature(NEAR[0]!).joined);
    assert.ok(!((await store.addArticles([nearArticle(2, NEAR[1]!, '2025-02-08')]))[0] instanceof Error));
    assert.deepEqual(store.db.prepare('SELECT id, norm_text, first_quote_id, appearances FROM quotations').all(), [
      { id: 1, norm_text: '', first_quote_id: 2, appearances: 3 },
    ]);
    // A quotation written before keeps its words and is read by them.
    store.db.prepare("UPDATE quotations SET norm_text = 'older words kept' WHERE id = 1").run();
    assert.equal((store as unknown as { quotationWords(id: number): string | undefined }).quotationWords(1), 'older words kept');
    store.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const backend of backends) {
  test(`[${backend.name}] near-identical wordings group within one batch and across batches, with the earliest appearance`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      // One batch: the second wording is published earlier than the first.
      const r1 = await store.addArticles([nearArticle(1, NEAR[0]!, '2025-02-10'), nearArticle(2, NEAR[1]!, '2025-02-08')]);
      assert.ok(r1.every((r) => !(r instanceof Error) && r.added));
      // A later batch: a third wording, published earliest of all.
      const r2 = await store.addArticles([nearArticle(3, NEAR[2]!, '2025-02-01')]);
      assert.ok(!(r2[0] instanceof Error) && r2[0]!.added);
      const stats = await store.stats();
      assert.deepEqual([stats.quotes, stats.quotations], [3, 1]);
      const hits = await store.search({ text: 'eastern district' });
      assert.equal(hits.length, 1);
      assert.equal(hits[0]!.totalAppearances, 3);
      assert.equal(hits[0]!.first.published, '2025-02-01');
      assert.equal(hits[0]!.first.outlet, 'Outlet 3');
      const jane = (await store.person('Jane Doe'))!;
      assert.deepEqual([jane.quotes, jane.articles], [3, 3]);
      assert.deepEqual(jane.aliases, [{ value: 'Jane Doe', count: 3 }]);
      assert.deepEqual(jane.descriptors, [{ value: 'the mayor', count: 3 }]);
    } finally {
      await done();
    }
  });

  test(`[${backend.name}] a batch with a bad article: the others are stored once, with their counts and groups exact`, { skip: backend.skip }, async () => {
    const { store, done } = await backend.open();
    try {
      const items = [
        nearArticle(1, NEAR[0]!, '2025-03-02'),
        nearArticle(2, NEAR[1]!, '2025-03-01'),
        nearArticle(3, 'The ferry will run every hour from the new pier this summer', '2025-03-03'),
        nearArticle(4, NEAR[2]!, '2025-03-04'),
      ];
      (items[2]!.analysis.quotes[0] as unknown as { start: unknown }).start = null;
      const results = await store.addArticles(items);
      assert.ok(results[2] instanceof Error);
      assert.ok([0, 1, 3].every((i) => !(results[i] instanceof Error) && (results[i] as { added: boolean }).added));
      const stats = await store.stats();
      assert.deepEqual([stats.articles, stats.quotes, stats.quotations, stats.people], [3, 3, 1, 1]);
      assert.equal((await store.search({ text: 'ferry' })).length, 0);
      const hit = (await store.search({ text: 'eastern district' }))[0]!;
      assert.equal(hit.totalAppearances, 3);
      assert.equal(hit.first.published, '2025-03-01');
      const jane = (await store.person('Jane Doe'))!;
      assert.deepEqual([jane.quotes, jane.articles], [3, 3]);
      assert.deepEqual(jane.aliases, [{ value: 'Jane Doe', count: 3 }]);
      assert.deepEqual(jane.descriptors, [{ value: 'the mayor', count: 3 }]);
      // The bad article fixed: stored now, its quotation new, Jane Doe's counts one more.
      items[2] = nearArticle(3, 'The ferry will run every hour from the new pier this summer', '2025-03-03');
      const again = await store.addArticles(items);
      assert.deepEqual(again.map((r) => !(r instanceof Error) && r.added), [false, false, true, false]);
      assert.deepEqual((await store.person('Jane Doe'))!.quotes, 4);
    } finally {
      await done();
    }
  });
}

test('[sqlite] a near-duplicate of a quotation this writer wrote is compared by the words it holds, not read back from the record', async () => {
  const { store, done } = tempStore();
  try {
    const spied = store as unknown as { quotationWords(id: number): string | undefined };
    const read = spied.quotationWords.bind(store);
    let reads = 0;
    spied.quotationWords = (id) => {
      reads++;
      return read(id);
    };
    for (const [i, wording] of NEAR.entries()) {
      const [r] = await store.addArticles([nearArticle(i + 1, wording, `2025-02-0${i + 1}`)]);
      assert.ok(!(r instanceof Error) && r.added);
    }
    assert.deepEqual(store.db.prepare('SELECT id, appearances FROM quotations').all(), [{ id: 1, appearances: 3 }]);
    assert.equal(reads, 0);
  } finally {
    done();
  }
});

/**
 * Appearances of three quotations, in the order written, with dates earlier, later, equal and
 * missing: one quotation found again by its own key and by near wordings, one never dated, one
 * dated first and then seen undated.
 */
function appearanceArticles() {
  const other = 'The ferry will run every hour from the new pier this summer and all winter';
  const third = 'Our budget for the harbour will not grow by a single dollar this year or next';
  const plan: [string, string | null][] = [
    [NEAR[0]!, null],
    [other, null],
    [third, '2025-05-02'],
    [NEAR[1]!, '2025-05-03'],
    [NEAR[0]!, '2025-05-01'],
    [other, null],
    [NEAR[2]!, '2025-05-01'], // as early as the one before: not the first
    [third, null],
    [NEAR[0]!, null],
    [NEAR[0]!, '2025-05-02'],
    [other, null],
  ];
  return plan.map(([wording, published], i) => {
    const item = nearArticle(i + 1, wording, published ?? '');
    (item.article as ArticleInput).published = published;
    return item;
  });
}

/** Each quotation's appearances and its first one, by the article that gave it. */
function appearancesByArticle(store: SqliteStore) {
  return store.db
    .prepare(
      `SELECT q.id, q.appearances, q.first_published, a.source AS first_source
       FROM quotations q JOIN quotes f ON f.id = q.first_quote_id JOIN articles a ON a.id = f.article_id ORDER BY q.id`,
    )
    .all();
}

test('[sqlite] a quotation\'s appearances and its first one are the same written article by article, in one batch, across a rollback and in a group', async () => {
  const items = appearanceArticles();
  const expected = [
    { id: 1, appearances: 6, first_published: '2025-05-01', first_source: 'near-5' },
    { id: 2, appearances: 3, first_published: null, first_source: 'near-2' },
    { id: 3, appearances: 2, first_published: '2025-05-02', first_source: 'near-3' },
  ];
  // One by one: an article a batch.
  const single = tempStore();
  try {
    for (const item of items) {
      const [r] = await single.store.addArticles([item]);
      assert.ok(!(r instanceof Error) && r.added);
    }
    assert.deepEqual(appearancesByArticle(single.store), expected);
  } finally {
    single.done();
  }
  // One batch.
  const batch = tempStore();
  try {
    assert.ok((await batch.store.addArticles(items)).every((r) => !(r instanceof Error) && r.added));
    assert.deepEqual(appearancesByArticle(batch.store), expected);
  } finally {
    batch.done();
  }
  // A bad article late in the batch: the batch is rolled back and written again, an article a savepoint.
  const bad = () => {
    const item = nearArticle(99, 'The bridge will close for repairs on every weekend in the autumn', '2025-04-01');
    (item.analysis.quotes[0] as unknown as { start: unknown }).start = null;
    return item;
  };
  const rolledBack = tempStore();
  try {
    const results = await rolledBack.store.addArticles([...items.slice(0, 9), bad(), ...items.slice(9)]);
    assert.ok(results[9] instanceof Error);
    assert.deepEqual(appearancesByArticle(rolledBack.store), expected);
  } finally {
    rolledBack.done();
  }
  // A group that fails the same way, written as it fills.
  const grouped = tempStore();
  try {
    const group = grouped.store.openGroup();
    for (const item of items.slice(0, 9)) group.add(item);
    group.add(bad());
    for (const item of items.slice(9)) group.add(item);
    const results = group.commit();
    assert.ok(results[9] instanceof Error);
    assert.deepEqual(appearancesByArticle(grouped.store), expected);
  } finally {
    grouped.done();
  }
});

/** `n` articles with unrelated long quotations (a large batch), the i-th with wording `unrelated(i)`. */
function unrelatedArticles(n: number, from: number) {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    // Twelve made-up words of its own (letters only, none shared with another quotation).
    const wording = Array.from({ length: 12 }, (_, j) => 'q' + ((i * 12 + j) * 7919).toString(26).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)).join(' ');
    return nearArticle(1000 + i, wording, '2025-06-01');
  });
}

for (const backend of backends) {
  test(`[${backend.name}] the bands migration recomputes every quotation's bands: a record written with other bands still groups near-identical wordings`, { skip: backend.skip }, async () => {
    const { location, done } = await backend.location();
    try {
      let store = openStore(location);
      await store.addArticles([nearArticle(1, NEAR[0]!, '2025-02-10')]);
      await store.close();
      // The record as an older version left it: other band values, the migration not applied.
      // (SQLite: band rows, as before version 7 moved bands onto the quotation, which recomputes them.)
      const sql =
        backend.name === 'sqlite'
          ? [
              ...['words', 'band0', 'band1', 'band2', 'band3'].map((c) => `ALTER TABLE quotations DROP COLUMN ${c}`),
              'CREATE TABLE quotation_bands (band INTEGER NOT NULL, quotation_id INTEGER NOT NULL, PRIMARY KEY (band, quotation_id)) WITHOUT ROWID',
              'INSERT INTO quotation_bands (band, quotation_id) VALUES (12345, 1)',
              `DELETE FROM schema_migrations WHERE version = ${MIGRATIONS.find((m) => m.name.startsWith('near-duplicate bands kept on the quotation row'))!.version}`,
            ]
          : [
              'DELETE FROM quotation_bands',
              'INSERT INTO quotation_bands (band, quotation_id) VALUES (12345, 1)',
              `DELETE FROM schema_migrations WHERE version = ${PG_MIGRATIONS.find((m) => m.name.startsWith('near-duplicate bands recomputed'))!.version}`,
            ];
      if (backend.name === 'sqlite') {
        const db = new Database(location);
        for (const q of sql) db.exec(q);
        storeWordsAsBefore(db);
        db.close();
      } else {
        const client = new pg.Client({ connectionString: location });
        await client.connect();
        for (const q of sql) await client.query(q);
        await client.end();
      }
      store = openStore(location);
      try {
        await store.stats(); // opens (and migrates) the record
        const read = 'SELECT band FROM quotation_bands WHERE quotation_id = 1 ORDER BY band';
        let bands: number[];
        if (backend.name === 'sqlite') {
          const db = new Database(location, { readonly: true });
          bands = (db.prepare('SELECT band0, band1, band2, band3 FROM quotations WHERE id = 1').raw().get() as number[]).sort((a, b) => a - b);
          assert.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'quotation_bands'").pluck().get(), 0);
          db.close();
        } else {
          const client = new pg.Client({ connectionString: location });
          await client.connect();
          bands = (await client.query<{ band: string }>(read)).rows.map((r) => Number(r.band));
          await client.end();
        }
        assert.deepEqual(bands, quotationBands(quotationWords(NEAR[0]!)).sort((a, b) => a - b));
        await store.addArticles([nearArticle(2, NEAR[1]!, '2025-02-11')]);
        const stats = await store.stats();
        assert.deepEqual([stats.quotes, stats.quotations], [2, 1]);
      } finally {
        await store.close();
      }
    } finally {
      await done();
    }
  });
}

test('[sqlite] large batches (band filter): near-identical wordings group within the batch, with earlier batches and with another connection\'s writes', async () => {
  const { store, file, done } = tempStore();
  const other = openSqliteStore(file);
  try {
    // A first large batch: unrelated quotations, and two near-identical wordings far apart in it.
    const first = unrelatedArticles(100, 0);
    first[10] = nearArticle(1, NEAR[0]!, '2025-02-10');
    first[90] = nearArticle(2, NEAR[1]!, '2025-02-08');
    assert.ok((await store.addArticles(first)).every((r) => !(r instanceof Error) && r.added));
    let hit = (await store.search({ text: 'eastern district' }))[0]!;
    assert.equal(hit.totalAppearances, 2);
    // Another connection writes a new quotation and a near-identical wording of the first one.
    const W = 'Every ferry on the northern route will be replaced by electric boats within five years';
    const w1 = nearArticle(3, W, '2025-03-01');
    const w2 = nearArticle(4, NEAR[2]!, '2025-02-01');
    await other.addArticles([w1.article, w2.article].map((article, i) => ({ article, analysis: [w1, w2][i]!.analysis })));
    // A second large batch of this writer: a near-identical wording of the other connection's quotation.
    const second = unrelatedArticles(100, 100);
    second[50] = nearArticle(5, 'Every ferry on the northern route will be replaced by new electric boats within five years', '2025-03-02');
    assert.ok((await store.addArticles(second)).every((r) => !(r instanceof Error) && r.added));
    hit = (await store.search({ text: 'eastern district' }))[0]!;
    assert.equal(hit.totalAppearances, 3);
    assert.equal(hit.first.published, '2025-02-01');
    const ferry = await store.search({ text: 'northern route' });
    assert.equal(ferry.length, 1);
    assert.equal(ferry[0]!.totalAppearances, 2);
    const stats = await store.stats();
    // 197 unrelated quotations, the school one (4 wordings) and the ferry one (2).
    assert.deepEqual([stats.articles, stats.quotes, stats.quotations], [202, 202, 199]);
  } finally {
    other.closeSync();
    done();
  }
});

test('[sqlite] large batches (key and people filters): exact wordings and people found within the batch, across batches and after another connection\'s writes', async () => {
  const { store, file, done } = tempStore();
  const other = openSqliteStore(file);
  const said = (i: number, name: string, wording: string) => {
    const quote = `"${wording},"`;
    const text = `Report ${i}. ${quote} ${name} said.`;
    return {
      article: { source: `said-${i}`, text, published: '2025-04-01', outlet: 'Outlet' },
      analysis: buildAnalysis(text, [{ id: 'p1', name, mentions: [name] }], [{ quote, speaker: name, entity: 'p1', mention: name, cue: 'said' }]),
    };
  };
  // Shorter than near-duplicate grouping looks at: only their exact keys group them.
  const W1 = 'Trams on the new bridge';
  const W2 = 'Ambulances arrive far too late';
  try {
    // One large batch: a wording and a person new to the record, each met again later in the batch.
    const first = unrelatedArticles(100, 0);
    first[10] = said(1, 'Ola Nordmann', W1);
    first[80] = said(2, 'Ola Nordmann', W1);
    assert.ok((await store.addArticles(first)).every((r) => !(r instanceof Error) && r.added));
    // Another connection: a new wording by a new person.
    const w = said(3, 'Kari Holm', W2);
    await other.addArticles([w]);
    // A second large batch of this writer: both wordings and both people again.
    const second = unrelatedArticles(100, 100);
    second[30] = said(4, 'Kari Holm', W2);
    second[60] = said(5, 'Ola Nordmann', W1);
    assert.ok((await store.addArticles(second)).every((r) => !(r instanceof Error) && r.added));
    const bridge = await store.search({ text: 'bridge trams' });
    assert.equal(bridge.length, 1);
    assert.equal(bridge[0]!.totalAppearances, 3);
    const ambulance = await store.search({ text: 'ambulances' });
    assert.equal(ambulance.length, 1);
    assert.equal(ambulance[0]!.totalAppearances, 2);
    assert.deepEqual(((await store.person('Ola Nordmann'))!).quotes, 3);
    assert.deepEqual(((await store.person('Kari Holm'))!).quotes, 2);
    const stats = await store.stats();
    assert.deepEqual([stats.articles, stats.quotations, stats.people], [201, 198, 3]);
  } finally {
    other.closeSync();
    done();
  }
});

test('[sqlite] a group commit: each article written as it is added, durable at the commit; a bad one replays the group with savepoints', async () => {
  const { store, file, done } = tempStore();
  const other = openSqliteStore(file);
  try {
    const items = unrelatedArticles(100, 0);
    items[20] = nearArticle(1, NEAR[0]!, '2025-02-10');
    items[70] = nearArticle(2, NEAR[1]!, '2025-02-08');
    const group = store.openGroup();
    for (const item of items.slice(0, 50)) group.add(item);
    // Written: this connection finds the article; not committed: another connection does not.
    const key = { canonicalUrl: null, textHash: articleTextHash(items[20]!.article.text) };
    assert.notEqual(await store.findArticle(key), null);
    assert.equal(await other.findArticle(key), null);
    // Another write of this store waits for the group's commit.
    const later = store.addArticles([nearArticle(3, NEAR[2]!, '2025-02-01')]);
    // A bad article: the group so far is written again with a savepoint each, and the rest too.
    const bad = nearArticle(4, 'The ferry will run every hour from the new pier this summer', '2025-03-03');
    (bad.analysis.quotes[0] as unknown as { start: unknown }).start = null;
    group.add(bad);
    for (const item of items.slice(50)) group.add(item);
    assert.equal(group.size, 101);
    const results = group.commit();
    assert.equal(results.length, 101);
    assert.ok(results[50] instanceof Error);
    assert.ok(results.every((r, i) => i === 50 || (!(r instanceof Error) && r.added)));
    assert.notEqual(await other.findArticle(key), null);
    const [third] = await later;
    assert.ok(!(third instanceof Error) && third!.added);
    const hit = (await other.search({ text: 'eastern district' }))[0]!;
    assert.equal(hit.totalAppearances, 3);
    assert.equal(hit.first.published, '2025-02-01');
    const stats = await other.stats();
    assert.deepEqual([stats.articles, stats.quotes, stats.quotations], [101, 101, 99]);
    assert.equal((await other.search({ text: 'ferry pier' })).length, 0);
    // Every stored article's quote is Jane Doe's, the bad one's not counted.
    const jane = (await other.person('Jane Doe'))!;
    assert.deepEqual([jane.quotes, jane.articles], [101, 101]);
    assert.throws(() => group.add(items[0]!), /committed/);
  } finally {
    other.closeSync();
    done();
  }
});

test('[sqlite] a large group commit indexes its quotes as it goes: renamed quotes are re-indexed, and every quote is searchable', async () => {
  const { store, file, done } = tempStore();
  const other = openSqliteStore(file);
  try {
    const lone = 'Okafor Speaks\n\n"The lighthouse must stay open for the fishing fleet," Okafor said.';
    const full = 'Council member Ada Okafor voted no. "We were not consulted about the lighthouse," Okafor said.';
    const group = store.openGroup();
    group.add({
      article: { source: 'lone.txt', text: lone },
      analysis: buildAnalysis(lone, [{ id: 'x', name: 'Okafor', mentions: ['Okafor'] }], [
        { quote: '"The lighthouse must stay open for the fishing fleet,"', speaker: 'Okafor', entity: 'x', mention: 'Okafor', cue: 'said' },
      ]),
    });
    // More quotes after it than a group indexes at a time (8,192): the first ones are in the full-text index before the group ends.
    for (const item of unrelatedArticles(8300, 0)) group.add(item);
    // The full name arrives: the surname-only person joins it; its quote, already indexed under the surname the two share, stays so.
    group.add({
      article: { source: 'full.txt', text: full },
      analysis: buildAnalysis(full, [{ id: 'p', name: 'Ada Okafor', mentions: ['Ada Okafor', 'Okafor'] }], [
        { quote: '"We were not consulted about the lighthouse,"', speaker: 'Ada Okafor', entity: 'p', mention: 'Okafor', cue: 'said' },
      ]),
    });
    assert.ok(group.commit().every((r) => !(r instanceof Error) && r.added));
    // The index agrees with the quotes it indexes (FTS5 compares every row with the content table).
    other.db.prepare("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)").run();
    const lighthouse = await other.search({ text: 'lighthouse' });
    assert.deepEqual(lighthouse.map((h) => h.speaker).sort(), ['Ada Okafor', 'Ada Okafor']);
    assert.equal((await other.search({ text: 'Ada fishing' })).length, 1);
    const stats = await other.stats();
    assert.deepEqual([stats.articles, stats.quotes], [8302, 8302]);
    const indexed = other.db.prepare("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'said OR jane OR doe OR lighthouse'").pluck().get();
    assert.equal(indexed, 8302);
  } finally {
    other.closeSync();
    done();
  }
});

/** Segments of the quotes' full-text index (from FTS5's structure record: a varint of levels, then of segments). */
function ftsSegments(db: Database.Database): number {
  const block = db.prepare('SELECT block FROM quotes_fts_data WHERE id = 10').pluck().get() as Buffer;
  let i = 4;
  const varint = () => {
    let v = 0;
    for (let k = 0; k < 9; k++) {
      const c = block[i++]!;
      v = v * 128 + (c & 0x7f);
      if (!(c & 0x80)) break;
    }
    return v;
  };
  varint(); // levels
  return varint();
}

test('migrations: version 15 gives the quotes\' full-text index room for an indexing step\'s terms: a large group writes one segment a step, in a new record and one written before', async () => {
  const hashsize = (db: Database.Database) => db.prepare("SELECT v FROM quotes_fts_config WHERE k = 'hashsize'").pluck().get() as number | undefined;
  const { store, file } = tempStore();
  try {
    assert.equal(hashsize(store.db), 8 << 20);
    store.closeSync();
    // The record as version 14 left it: FTS5's default (1 MB).
    const old = new Database(file);
    old.exec("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', 1048576); DELETE FROM schema_migrations WHERE version = 15;");
    assert.equal(hashsize(old), 1 << 20);
    old.close();
    const again = openSqliteStore(file);
    try {
      assert.equal(hashsize(again.db), 8 << 20);
      // More quotes than a step (8,192), with words of their own: their terms pass 1 MB in a step.
      const group = again.openGroup();
      for (const item of unrelatedArticles(8300, 0)) group.add(item);
      assert.ok(group.commit().every((r) => !(r instanceof Error) && r.added));
      // One segment for the step of 8,192 quotes, one for the rest at the commit.
      assert.equal(ftsSegments(again.db), 2);
      again.db.prepare("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)").run();
      const wording = unrelatedArticles(1, 4321)[0]!.analysis.quotes[0]!.text;
      assert.equal((await again.search({ text: wording.split(/\s+/).slice(2, 5).join(' ') }))[0]?.text, wording);
    } finally {
      again.closeSync();
    }
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
});

test('[sqlite] people are counted by the entities their quotes are linked to, however the person came to be written: new, known, or the earlier of an entity id given twice', async () => {
  for (const commitEvery of [1, 10]) {
    const { store, done } = tempStore();
    try {
      const T = 'Bo Lind and Ann Lee spoke. "We will rebuild the pier," Lee said. "It opens in May," she added.';
      const analysis = buildAnalysis(T, [
        { id: 'p', name: 'Bo Lind', mentions: ['Bo Lind'] },
        { id: 'p', name: 'Ann Lee', mentions: ['Ann Lee', 'Lee'] },
      ], [
        { quote: '"We will rebuild the pier,"', speaker: 'Ann Lee', entity: 'p', mention: 'Lee' },
        { quote: '"It opens in May,"', speaker: 'Ann Lee', entity: 'p', mention: 'she' },
      ]);
      const second = 'Ann Lee spoke again. "The pier is ours," Lee said.';
      const items = [
        { article: { source: 'a.txt', text: T }, analysis },
        {
          article: { source: 'b.txt', text: second },
          analysis: buildAnalysis(second, [{ id: 'q', name: 'Ann Lee', mentions: ['Ann Lee', 'Lee'] }], [
            { quote: '"The pier is ours,"', speaker: 'Ann Lee', entity: 'q', mention: 'Lee' },
          ]),
        },
      ];
      // One article a batch (counts written at once) and both in one batch (counts summed).
      if (commitEvery === 1) for (const item of items) await store.addArticles([item]);
      else await store.addArticles(items);
      const people = await store.people({ all: true });
      assert.deepEqual(people.map((x) => [x.name, x.quotes, x.articles]).sort(), [['Ann Lee', 3, 2], ['Bo Lind', 0, 0]]);
    } finally {
      await done();
    }
  }
});

test('[sqlite] a surname-only person joining the full name moves its names in the name index, found by those names', async () => {
  for (const broken of [false, true]) {
    const { store, done } = tempStore();
    try {
      const lone = 'Okafor Speaks\n\n"The lighthouse must stay open," Okafor said. "It is ours," Ms Okafor added.';
      await store.addArticle(
        { source: 'lone.txt', text: lone },
        buildAnalysis(lone, [{ id: 'x', name: 'Okafor', mentions: ['Okafor', 'Ms Okafor'] }], [
          { quote: '"The lighthouse must stay open,"', speaker: 'Okafor', entity: 'x', mention: 'Okafor', cue: 'said' },
        ]),
      );
      const loneId = (await store.people())[0]!.id;
      const rowsOf = (id: number) => store.db.prepare('SELECT name FROM people_fts WHERE person_id = ? ORDER BY name').pluck().all(id);
      assert.deepEqual(rowsOf(loneId), ['Ms Okafor', 'Okafor']);
      // A row the index cannot find by the names counted for the person: every row is then read.
      if (broken) store.db.prepare("UPDATE people_fts SET name = '—' WHERE person_id = ? AND name = 'Ms Okafor'").run(loneId);
      const full = 'Council member Ada Okafor voted no. "We were not consulted," Okafor said.';
      await store.addArticle(
        { source: 'full.txt', text: full },
        buildAnalysis(full, [{ id: 'p', name: 'Ada Okafor', mentions: ['Ada Okafor', 'Okafor'] }], [
          { quote: '"We were not consulted,"', speaker: 'Ada Okafor', entity: 'p', mention: 'Okafor', cue: 'said' },
        ]),
      );
      const people = await store.people();
      assert.deepEqual(people.map((p) => p.name), ['Ada Okafor']);
      assert.deepEqual(rowsOf(loneId), []);
      assert.deepEqual(rowsOf(people[0]!.id), broken ? ['Ada Okafor', 'Okafor', '—'] : ['Ada Okafor', 'Ms Okafor', 'Okafor']);
      assert.equal((await store.person('Ms Okafor'))?.name, 'Ada Okafor');
    } finally {
      done();
    }
  }
});

test('[sqlite] a surname-only person\'s indexed quotes joining the full name are indexed again in one statement: one index segment for them, not one a quote; all found under the full name', async () => {
  const { store, done } = tempStore();
  try {
    const said = ['The lighthouse must stay open', 'The pier is ours', 'Fishing pays the rent', 'Nobody asked the crews', 'We need a new harbour wall', 'The ferry runs late'];
    const lone = ['Okafor Speaks', ...said.map((q) => `"${q}," Okafor said.`)].join('\n\n');
    await store.addArticle(
      { source: 'lone.txt', text: lone },
      buildAnalysis(lone, [{ id: 'x', name: 'Okafor', mentions: ['Okafor'] }], said.map((q) => ({ quote: `"${q},"`, speaker: 'Okafor', entity: 'x', mention: 'Okafor', cue: 'said' }))),
    );
    const before = ftsSegments(store.db);
    const full = 'Council member Ada Okafor voted no. "We were not consulted," Okafor said.';
    await store.addArticle(
      { source: 'full.txt', text: full },
      buildAnalysis(full, [{ id: 'p', name: 'Ada Okafor', mentions: ['Ada Okafor', 'Okafor'] }], [
        { quote: '"We were not consulted,"', speaker: 'Ada Okafor', entity: 'p', mention: 'Okafor', cue: 'said' },
      ]),
    );
    assert.deepEqual((await store.people()).map((p) => p.name), ['Ada Okafor']);
    // A segment for the six quotes' old entries taken out, one for them indexed again, one for the
    // new article's quote (a statement a quote made one a quote: 8).
    assert.equal(ftsSegments(store.db) - before, 3);
    store.db.prepare("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)").run();
    const hits = await store.search({ speaker: 'Ada Okafor', limit: 20 });
    assert.deepEqual(hits.map((h) => h.text).sort(), [...said.map((q) => `"${q},"`), '"We were not consulted,"'].sort());
    assert.ok(hits.every((h) => h.speaker === 'Ada Okafor'));
    assert.equal((await store.search({ text: 'ferry' }))[0]?.speaker, 'Ada Okafor');
  } finally {
    done();
  }
});

test('prepared quotations carry their word count, key and bands through the workers\' hand-off', () => {
  const text = 'Ada Okafor spoke. "The harbour plan is a waste," she said. "We will fight it in every court of the land, and we will win."';
  const analysis = buildAnalysis(text, [{ id: 'p', name: 'Ada Okafor', mentions: ['Ada Okafor'] }], [
    { quote: '"The harbour plan is a waste," she said. "We will fight it in every court of the land, and we will win."', speaker: 'Ada Okafor', entity: 'p', mention: 'Ada Okafor', cue: 'spoke' },
  ]);
  const prepared = prepareArticle({ source: 'w.txt', text }, analysis);
  // The quoted parts only: the interrupting `she said` is not part of the wording.
  assert.equal(prepared.quotes[0]!.wordCount, 20);
  assert.equal(prepared.quotes[0]!.words.split(' ').length, 20);
  // Its key is the exact key of those words, as anything else computing one gets it.
  assert.equal(prepared.quotes[0]!.key, quotationKey(prepared.quotes[0]!.words.split(' ')));
  assert.equal(prepared.quotes[0]!.key, quotationKey(quotationParts(analysis.quotes[0]!.text).words));
  const back = unpackArticle({ article: { source: 'w.txt', text }, extracted: packExtracted(analysis, prepared) });
  assert.equal(back.prepared!.quotes[0]!.wordCount, 20);
  // Band keys (48-bit integers) come back whole.
  assert.equal(prepared.quotes[0]!.bands.length, BANDS_PER_QUOTATION);
  assert.ok(prepared.quotes[0]!.bands.every((b) => b >= 2 ** 24));
  assert.deepEqual(back.prepared!.quotes[0]!.bands, prepared.quotes[0]!.bands);
});

test('[sqlite] a name made only of words of the recorded name gets no row of its own in the names index, and still finds the person', async () => {
  const { store, done } = tempStore();
  try {
    const text = 'José Núñez Speaks\n\nCouncil member José Núñez voted no. "We were not consulted," Núñez said. "Not once," Nunez added. Ms Núñez left.';
    await store.addArticle(
      { source: 'n.txt', text },
      buildAnalysis(text, [{ id: 'p', name: 'José Núñez', mentions: ['José Núñez', 'Núñez', 'Nunez', 'Ms Núñez'] }], [
        { quote: '"We were not consulted,"', speaker: 'José Núñez', entity: 'p', mention: 'Núñez', cue: 'said' },
      ]),
    );
    const id = (await store.people())[0]!.id;
    const rows = store.db.prepare('SELECT name FROM people_fts WHERE person_id = ? ORDER BY name').pluck().all(id);
    // `Núñez` and `Nunez` are words of the name as the index reads them (no case, no accents).
    assert.deepEqual(rows, ['José Núñez', 'Ms Núñez']);
    for (const asked of ['Núñez', 'nunez', 'Ms Nunez', 'nunez jose', 'José Núñez']) {
      assert.equal((await store.person(asked))?.name, 'José Núñez', asked);
    }
    assert.deepEqual((await store.person('José Núñez'))?.aliases.map((a) => a.value).sort(), ['José Núñez', 'Ms Núñez', 'Nunez', 'Núñez']);
  } finally {
    done();
  }
});

test('[sqlite] a group that cannot begin (the record locked by another writer) takes back nothing committed before it: near-identical wordings still group', async () => {
  const { store, file, done } = tempStore();
  const other = new Database(file);
  try {
    const first = store.openGroup();
    first.add(nearArticle(1, NEAR[0]!, '2025-02-10'));
    assert.ok(first.commit().every((r) => !(r instanceof Error) && r.added));
    // Another writer holds the lock: the next group fails to begin, and reports it.
    other.exec('BEGIN IMMEDIATE');
    store.db.pragma('busy_timeout = 10');
    const blocked = store.openGroup();
    blocked.add(nearArticle(2, NEAR[1]!, '2025-02-11'));
    const failed = blocked.commit();
    assert.ok(failed[0] instanceof Error && /locked|busy/i.test(failed[0].message), String(failed[0]));
    other.exec('ROLLBACK');
    store.db.pragma('busy_timeout = 10000');
    // The first quotation's bands are still known: the near-identical wording joins it.
    const again = store.openGroup();
    again.add(nearArticle(2, NEAR[1]!, '2025-02-11'));
    assert.ok(again.commit().every((r) => !(r instanceof Error) && r.added));
    const stats = await store.stats();
    assert.deepEqual([stats.quotes, stats.quotations], [2, 1]);
  } finally {
    other.close();
    done();
  }
});

test('[sqlite] an article whose people repeat an entity id is stored in a batch (the later entry kept), the others too', async () => {
  const { store, done } = tempStore();
  try {
    const items = [nearArticle(1, NEAR[0]!, '2025-05-01'), nearArticle(2, 'The ferry will run every hour from the new pier this summer', '2025-05-02')];
    const a = items[1]!.analysis;
    a.people.push({ ...a.people[0]!, name: 'Jane Doe', descriptors: ['the harbour chief'] });
    const results = await store.addArticles(items);
    assert.ok(results.every((r) => !(r instanceof Error) && r.added), String(results.find((r) => r instanceof Error)));
    const article = (await store.getArticle((results[1] as { articleId: number }).articleId))!;
    assert.deepEqual(article.people.map((p) => [p.id, p.descriptors]), [['p1', ['the harbour chief']]]);
    assert.equal((await store.stats()).articles, 2);
  } finally {
    done();
  }
});

test('[sqlite] a writer that remembers people sees what another connection wrote between its batches', async () => {
  const { store, file, done } = tempStore();
  const other = openSqliteStore(file);
  try {
    const solo = (i: number) => {
      const text = `Brief ${i}. "The harbour vote is a disgrace and a waste of time," Doe said.`;
      return {
        article: { source: `doe-${i}`, text, published: `2025-04-0${i}` },
        analysis: buildAnalysis(text, [{ id: 'x', name: 'Doe', mentions: ['Doe'] }], [
          { quote: '"The harbour vote is a disgrace and a waste of time,"', speaker: 'Doe', entity: 'x', mention: 'Doe', cue: 'said' },
        ]),
      };
    };
    await store.addArticles([solo(1), solo(2)]); // surname-only person "Doe", remembered by this writer
    // Another connection records the full name: the surname-only person joins it and is deleted.
    const F = 'Mayor Jane Doe spoke. "Ferries first," Jane Doe said.';
    await other.addArticle(
      { source: 'full', text: F, published: '2025-04-05' },
      buildAnalysis(F, [{ id: 'p1', name: 'Jane Doe', mentions: ['Jane Doe'] }], [{ quote: '"Ferries first,"', speaker: 'Jane Doe', entity: 'p1' }]),
    );
    const r = await store.addArticles([solo(3)]);
    assert.ok(!(r[0] instanceof Error) && r[0]!.added, String(r[0]));
    const people = await store.people();
    assert.deepEqual(people.map((p) => [p.name, p.quotes, p.articles]), [['Jane Doe', 4, 4]]);
  } finally {
    other.closeSync();
    done();
  }
});

test('normalisation helpers', () => {
  assert.equal(normalizeUrl('HTTPS://Example.COM:443/a/b/?utm_source=x&b=2&a=1#frag'), 'https://example.com/a/b?a=1&b=2');
  assert.equal(normalizeUrl('/rel', 'https://example.com/x/'), 'https://example.com/rel');
  assert.equal(normalizeUrl('javascript:alert(1)'), null);
  assert.deepEqual(quotationWords('“It’s done — finally,” '), ['its', 'done', 'finally']);
  // Every typographic mark between two words separates them, apostrophes join, as in the slow
  // path a character outside the fast path's set sends the text through (the `é` here).
  const marks = ['\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2010', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212'];
  for (const mark of marks) {
    assert.deepEqual(quotationWords(`Alpha${mark}Beta`), ['alpha', 'beta'], `U+${mark.charCodeAt(0).toString(16)}`);
    assert.deepEqual(quotationWords(`Alpha${mark}Beta é`), ['alpha', 'beta', 'e']);
  }
  for (const apostrophe of ["'", '`', '\u2018', '\u2019', '\u201A', '\u201B']) assert.deepEqual(quotationWords(`Don${apostrophe}t STOP`), ['dont', 'stop']);
  assert.ok(wordSimilarity('a b c d e f g h i j'.split(' '), 'a b c d e f g h i x'.split(' ')) >= 0.9);
  assert.ok(wordSimilarity('a b c d e f'.split(' '), 'u v w x y z'.split(' ')) === 0);
  // nearSimilarity: wordSimilarity's value at or above the threshold, else 0 (stopping early).
  const pairs: [string, string][] = [
    ['a b c d e f g h i j', 'a b c d e f g h i x'],
    ['a b c d e f g h i j', 'a b c x e f y h i j'],
    ['a b c d e f g h i j', 'a x c y e z g w i j'],
    ['a b c d e f g h i j', 'a b c d e f g h'],
    ['a b c d e f g h i j', 'b c d e f g h i j k'],
    ['a b c d e', 'a b c d e'],
    ['a b c d e f', 'u v w x y z'],
  ];
  for (const [x, y] of pairs) {
    const w = wordSimilarity(x.split(' '), y.split(' '));
    assert.equal(nearSimilarity(x.split(' '), y.split(' ')), w >= NEAR_THRESHOLD ? w : 0, `${x} / ${y}`);
  }
  // Band keys of a word set do not depend on repeated words or order.
  assert.deepEqual(quotationBands('a b c d e f g'.split(' ')), quotationBands('g f e d c b a a b'.split(' ')));
  assert.equal(quotationBands('a b c d e f g'.split(' ')).length, BANDS_PER_QUOTATION);
  assert.deepEqual(quotationBands('a b c d e'.split(' ')), []); // too short for near grouping
});

test('a quotation\'s signature in one pass is what its parts, words and bands give, whatever marks, apostrophes and letters it has', () => {
  const reference = (text: string) => {
    const { words, segments } = quotationParts(text);
    return { joined: words.join(' '), wordCount: words.length, bands: quotationBands(words), segments: segments.map((w) => w.join(' ')) };
  };
  const cases = [
    '“We will build the harbour this decade, whatever it costs us,” Doe said.',
    '“We can’t wait,” she said. “The city has waited since 1990 for this bridge and it will wait no more.”',
    'that the plan, in O’Brien’s words, was “a costly, needless—and frankly dangerous—gamble”',
    '«Rock ’n’ roll» and "" empty "" marks, a ``backtick\'\' and ‘single’ quotes',
    '“Árvíztűrő tükörfúrógép,” said Zoë. “Ça va très bien, merci beaucoup à tous.”', // letters past ASCII: the reference path
    '"unclosed quotation mark and then words', '', '—', '"a" "b" "c"',
  ];
  // And many made of the characters that matter, in every order (a fixed seed: the same each run).
  const alphabet = ['a', 'B', 'z', '0', '9', ' ', '  ', '"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', "'", '`', '\u2018', '\u2019', '\u201A', '\u201B',
    '-', '\u2014', '\u2212', '\u2010', '\u2011', 'é', '\u00A0', '\u2033', '\x1c', '\x10', '\n', '.', ',', 'word', 'Quote', "don't",
    // Past ASCII, read alone (letters with diacritics, ß, ø, ª, ², an ellipsis, spaces, a soft
    // hyphen, an acute accent and a prime, the euro) or by the reference path (µ, ł, ı, ĳ, ¼, ™, a
    // combining accent, Greek, a full-width quotation mark).
    'É', 'ñ', 'ß', 'Ø', 'ª', '²', 'ÿ', 'Ā', '\u2026', '\u2009', '\u200B', '\u00AD', '\u00B4', '\u2032', '€', '×',
    'µ', 'ł', 'ı', 'ĳ', '¼', '™', '\u0301', 'α', '\uFF02'];
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let k = 0; k < 20000; k++) {
    let t = '';
    for (let i = 1 + Math.floor(rnd() * 40); i > 0; i--) t += alphabet[Math.floor(rnd() * alphabet.length)];
    cases.push(t);
  }
  for (const text of cases) assert.deepStrictEqual(quotationSignature(text), reference(text), JSON.stringify(text));
  // A long quotation (scratch room grows) and the words of two quoted parts only.
  const long = Array.from({ length: 5000 }, (_, i) => 'w' + i).join(' ');
  assert.equal(quotationSignature(long).wordCount, 5000);
  assert.equal(quotationSignature('“One two three,” he said. “Four five.”').joined, 'one two three four five');
});

test('an article\'s quotations\' signatures read at once are each quotation\'s own, whether or not its text is the article\'s between its offsets', () => {
  const pieces = ['“', '”', '"', ' ', 'Word', 'the', '’s', "'", '—', 'é', 'Zoë', 'α', '\u00A0', ', ', '.', '1990', 'Doe said', '\n'];
  let seed = 11;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let k = 0; k < 2000; k++) {
    let text = '';
    for (let i = Math.floor(rnd() * 120); i > 0; i--) text += pieces[Math.floor(rnd() * pieces.length)];
    const quotes: { start: number; end: number; text: string }[] = [];
    for (let i = Math.floor(rnd() * 6); i > 0; i--) {
      const start = Math.floor(rnd() * (text.length + 1));
      const end = start + Math.floor(rnd() * (text.length - start + 1));
      const r = rnd();
      // Mostly the article's own words (overlapping or not); some whose text is another, or whose offsets are out of range.
      if (r < 0.7) quotes.push({ start, end, text: text.slice(start, end) });
      else if (r < 0.85) quotes.push({ start, end, text: '“Other words, ” he said. “Not the article’s own words at all.”' });
      else quotes.push({ start: end + 5, end: end + 2, text: text.slice(start, end) });
    }
    const batch = quotationSignatures(text, quotes);
    assert.equal(batch.length, quotes.length);
    quotes.forEach((q, i) => assert.deepStrictEqual(batch[i], quotationSignature(q.text), JSON.stringify({ text, q })));
  }
  // A long article and quotation (scratch room grows).
  const long = Array.from({ length: 20000 }, (_, i) => (i % 7 ? 'w' + i : '“w' + i + '”')).join(' ');
  const spans = [{ start: 0, end: long.length, text: long }, { start: 10, end: 5000, text: long.slice(10, 5000) }];
  quotationSignatures(long, spans).forEach((sig, i) => assert.deepStrictEqual(sig, quotationSignature(spans[i]!.text)));
});

test('a name\'s tokens in one scan are what the reference\'s regular expressions give, whatever marks, apostrophes, possessives and letters it has', () => {
  const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
  const reference = (name: string) => {
    const tokens = referenceNameTokens(name);
    while (tokens.length > 1 && HONORIFICS.has(tokens[0]!)) tokens.shift();
    while (tokens.length > 1 && SUFFIXES.has(tokens[tokens.length - 1]!)) tokens.pop();
    return tokens;
  };
  const cases = ['Jane Doe', "Jane Doe's", 'Jane Doe’s', 'JANE DOE’S', 'Dr. Jane Doe Jr.', 'Mr', 'Mr Jr', "O'Brien", 'O’Brien’s', 'Anne-Marie Dupont',
    '-Jane- --', "'s", "Doe's.", 'Doe`s', 'Zoë Doe', 'Sen. “Jim” Doe', '«Jim» Doe—Smith', 'Jim\tDoe\n', '', '   ', 'İlker Doe', 'K9 Unit 3'];
  const alphabet = ['a', 'B', 's', 'S', 'z', 'Q', '0', '7', ' ', '  ', '.', ',', '\t', '\n', '\x00', "'", '`', '-', '_', '"', '(', 'Mr', 'dr', 'Sen', 'President', 'Jr', 'III',
    '\u2018', '\u2019', '\u201A', '\u201B', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212',
    'é', 'É', 'ß', 'ı', 'İ', '\u00A0', '\u2032', '\u0301', 'α', 'ſ', '\u212A', "'s", '’s', 'Doe', 'jane'];
  let seed = 11;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let k = 0; k < 20000; k++) {
    let t = '';
    for (let i = Math.floor(rnd() * 12); i > 0; i--) t += alphabet[Math.floor(rnd() * alphabet.length)];
    cases.push(t);
  }
  for (const name of cases) {
    const tokens = nameTokens(name);
    assert.deepStrictEqual(tokens, reference(name), JSON.stringify(name));
    assert.equal(normalizeName(name), tokens.join(' '));
  }
});

test('a mention is a name as the first definition of isNameMention decides it, with the tests on its first character first', () => {
  const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'his', 'hers', 'their', 'theirs', 'it', 'its', 'we', 'us',
    'our', 'i', 'me', 'my', 'you', 'your', 'himself', 'herself', 'themselves', 'itself', 'who', 'whom']);
  const reference = (text: string) => {
    const t = text.trim();
    if (!t || t.length > 80) return false;
    if (PRONOUNS.has(t.toLowerCase())) return false;
    if (!/^\p{Lu}/u.test(t)) return false;
    if (/^(the|a|an|this|that|these|those)\s/i.test(t)) return false;
    return true;
  };
  const firsts = ['A', 'T', 't', 'a', 'H', 'h', 'I', 'Z', 'É', 'é', 'Ł', 'ſ', 'K', 'İ', 'ı', 'Ω', '\u{1D400}', '1', '"', ' ', '\u00A0', ''];
  const rests = ['', 'he', 'HE', 'e', 'n', 'n ', 'he ', 'HE\u00A0mayor', 'hat man', 'hose', ' man', 'nna Smith', 'x'.repeat(80), 'hemselves', 'T', 'E'];
  for (const f of firsts) for (const r of rests) for (const pad of ['', ' ']) {
    const text = pad + f + r + pad;
    assert.equal(isNameMention(text), reference(text), JSON.stringify(text));
  }
});

test('[sqlite] a full-text search ranks quotations as grouping every match would, however many quotes match and however often one repeats', async () => {
  const { store, done } = tempStore();
  try {
    // Words of a quotation's own (letters only, none shared with another quotation).
    const own = (i: number, n: number) =>
      Array.from({ length: n }, (_, j) => 'r' + ((i * 16 + j) * 7919).toString(26).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!));
    const articles = [];
    // 300 quotations with the word once to five times among words of their own: many equal scores.
    for (let i = 0; i < 300; i++) articles.push(nearArticle(5000 + i, [...Array<string>(1 + (i % 5)).fill('harbour'), ...own(i, 6 + (i % 9))].join(' '), '2025-06-01'));
    // The best-ranked quotation reported 150 times and the next 40 times: the best quotes are
    // mostly their appearances.
    for (let i = 0; i < 150; i++) articles.push(nearArticle(6000 + i, 'harbour harbour harbour ferry', '2025-06-02'));
    for (let i = 0; i < 40; i++) articles.push(nearArticle(7000 + i, 'harbour harbour harbour pier', '2025-06-03'));
    assert.ok((await store.addArticles(articles)).every((r) => !(r instanceof Error) && r.added));
    // Every match grouped by quotation, ranked by its best appearance, then by id.
    const grouped = (limit: number, offset: number) =>
      (
        store.db
          .prepare(
            `SELECT q.quotation_id AS id, MIN(m.score) AS score
             FROM (SELECT rowid, bm25(quotes_fts) AS score FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT -1) m
             JOIN quotes q ON q.id = m.rowid GROUP BY q.quotation_id ORDER BY score, q.quotation_id LIMIT ? OFFSET ?`,
          )
          .all(`(${ftsTerms('harbour')})`, limit, offset) as { id: number }[]
      ).map((r) => r.id);
    assert.equal(grouped(1000, 0).length, 302);
    for (const limit of [1, 2, 20, 100, 302, 1000]) {
      assert.deepEqual((await store.search({ text: 'harbour', limit })).map((h) => h.quotationId), grouped(limit, 0), `limit ${limit}`);
    }
    for (const [limit, offset] of [[20, 0], [20, 40], [7, 290], [50, 280], [10, 302]] as const) {
      const page = await store.searchPage({ text: 'harbour' }, { limit, offset });
      assert.deepEqual(page.items.map((h) => h.quotationId), grouped(limit, offset), `limit ${limit} offset ${offset}`);
    }
    // Filters rank each quotation by its best appearance that passes them, whether they pass
    // most quotes or one (outlets are `Outlet ${i}`, matched as substrings).
    const filtered = (filter: string, param: string, limit: number) =>
      (
        store.db
          .prepare(
            `SELECT q.quotation_id AS id, MIN(m.score) AS score
             FROM (SELECT rowid, bm25(quotes_fts) AS score FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT -1) m
             JOIN quotes q ON q.id = m.rowid JOIN articles a ON a.id = q.article_id WHERE ${filter}
             GROUP BY q.quotation_id ORDER BY score, q.quotation_id LIMIT ?`,
          )
          .all(`(${ftsTerms('harbour')})`, param, limit) as { id: number }[]
      ).map((r) => r.id);
    const cases: { since?: string; until?: string; outlet?: string; filter: string; param: string }[] = [
      { since: '2025-06-02', filter: 'q.published >= ?', param: '2025-06-02' },
      { until: '2025-06-01', filter: 'q.published <= ?', param: '2025-06-01T23:59:59.999Z' },
      ...['Outlet 5', 'Outlet 60', 'Outlet 7', 'Outlet 6149', 'Outlet 9'].map((outlet) => ({ outlet, filter: 'a.outlet LIKE ?', param: `%${outlet}%` })),
    ];
    for (const { filter, param, ...query } of cases) {
      assert.ok(filtered(filter, param, 1000).length > 0 || query.outlet === 'Outlet 9', JSON.stringify(query));
      for (const limit of [1, 5, 20, 100, 1000]) {
        assert.deepEqual((await store.search({ text: 'harbour', ...query, limit })).map((h) => h.quotationId), filtered(filter, param, limit), `${JSON.stringify(query)} limit ${limit}`);
      }
    }
    const dated = await store.search({ text: 'harbour', since: '2025-06-02', limit: 5 });
    assert.deepEqual(dated.map((h) => h.text.includes('ferry') || h.text.includes('pier')), [true, true]);
  } finally {
    done();
  }
});

test('[sqlite] a person\'s names and descriptors are counted in groups as article by article: names met again in a group, after a merge flushed the group\'s counts, in the next group, and in a group a bad article replays', async () => {
  const articles = (round: number) => {
    const okafor = `Council member Ada Okafor voted no in round ${round}. "We were not consulted about the pier ${round}," Okafor said.`;
    const lind = `"The ferry will run all winter ${round}," Lind said.`;
    const cora = `The harbour master, Cora Lind, agreed. "The ferry keeps running ${round}," said Cora Lind. Ms Lind left.`;
    return [
      {
        article: { source: `okafor-${round}.txt`, text: okafor },
        analysis: buildAnalysis(okafor, [{ id: 'p1', name: 'Ada Okafor', mentions: ['Ada Okafor', 'Okafor'], descriptors: ['Council member'] }], [
          { quote: `"We were not consulted about the pier ${round},"`, speaker: 'Ada Okafor', entity: 'p1', mention: 'Okafor' },
        ]),
      },
      {
        article: { source: `lind-${round}.txt`, text: lind },
        analysis: buildAnalysis(lind, [{ id: 'x', name: 'Lind' }], [{ quote: `"The ferry will run all winter ${round},"`, speaker: 'Lind', entity: 'x', mention: 'Lind' }]),
      },
      {
        article: { source: `cora-${round}.txt`, text: cora },
        analysis: buildAnalysis(cora, [{ id: 'c', name: 'Cora Lind', mentions: ['Cora Lind', 'Cora Lind', 'Lind'], descriptors: ['The harbour master'] }], [
          { quote: `"The ferry keeps running ${round},"`, speaker: 'Cora Lind', entity: 'c', mention: 'Cora Lind' },
        ]),
      },
    ];
  };
  const names = (store: SqliteStore) => [
    store.db.prepare('SELECT p.name, a.alias, a.norm, a.count FROM person_aliases a JOIN people p ON p.id = a.person_id ORDER BY 1, 2').raw().all(),
    store.db.prepare('SELECT p.name, d.descriptor, d.count FROM person_descriptors d JOIN people p ON p.id = d.person_id ORDER BY 1, 2').raw().all(),
    store.db.prepare('SELECT name, quote_count, article_count FROM people ORDER BY name').raw().all(),
  ];
  const bad = () => {
    const item = articles(99)[0]!;
    (item.analysis.quotes[0] as unknown as { start: unknown }).start = null;
    return item;
  };
  const one = tempStore();
  const grouped = tempStore();
  try {
    for (const round of [1, 2, 3, 4]) for (const item of articles(round)) one.store.addArticleSync(item.article, item.analysis);
    // Rounds 1 and 2 in a group (the surname-only person joins the full name in it), round 3 in
    // the next, round 4 in a group with a bad article, written again with a savepoint each.
    const first = grouped.store.openGroup();
    for (const item of [...articles(1), ...articles(2)]) first.add(item);
    assert.ok(first.commit().every((r) => !(r instanceof Error)));
    const second = grouped.store.openGroup();
    for (const item of articles(3)) second.add(item);
    assert.ok(second.commit().every((r) => !(r instanceof Error)));
    const third = grouped.store.openGroup();
    const [a, b, c] = articles(4);
    for (const item of [a!, bad(), b!, c!]) third.add(item);
    const results = third.commit();
    assert.ok(results[1] instanceof Error);
    assert.equal(results.filter((r) => r instanceof Error).length, 1);
    const expected = names(one.store);
    assert.ok((expected[0] as unknown[][]).some((r) => r[0] === 'Cora Lind' && r[1] === 'Lind' && (r[3] as number) > 1));
    assert.deepEqual(names(grouped.store), expected);
  } finally {
    one.done();
    grouped.done();
  }
});

test('[sqlite] a quotation no longer held is compared by the words it was written with (its first-written quote\'s), after an earlier appearance of another wording became its first: as the word sketch kept with its bands tells', async () => {
  const { store, done } = tempStore();
  try {
    const a = 'mayor ada okafor said the council would rebuild every school bridge road and harbour pier before winter ends next year'.split(' ');
    const b = [...a];
    for (const [i, w] of [[2, 'tom'], [5, 'board'], [8, 'repair'], [11, 'library']] as const) b[i] = w;
    const c = [...b];
    for (const [i, w] of [[14, 'tunnel'], [16, 'ferry'], [18, 'spring'], [19, 'starts']] as const) c[i] = w;
    const [wa, wb, wc] = [a, b, c].map((w) => w.join(' '));
    // As the test is meant: c is near b, not near a, and a's sketch alone tells so; c shares a band with a.
    assert.ok(nearSimilarity(b, c) >= NEAR_THRESHOLD && nearSimilarity(a, b) >= NEAR_THRESHOLD && nearSimilarity(a, c) < NEAR_THRESHOLD);
    const recent = new RecentWords();
    recent.add(1, wa!);
    recent.setQuery(wc!);
    assert.ok(recent.ruledOut(recent.lengthOf(1), recent.sketchLowOf(1), recent.sketchHighOf(1), NEAR_THRESHOLD));
    const itemC = nearArticle(3, wc!, '2025-02-12');
    const pc = prepareArticle(itemC.article, itemC.analysis).quotes[0]!;

    assert.ok(!((await store.addArticles([nearArticle(1, wa!, '2025-02-10')]))[0] instanceof Error));
    const bands = (store as unknown as { bands(): BandIndex }).bands();
    assert.ok(bands.members(pc.bands, 4, pc.wordCount).includes(1), 'c shares a band with a');
    // b, published earlier, becomes the first appearance of a's quotation.
    assert.ok(!((await store.addArticles([nearArticle(2, wb!, '2025-02-08')]))[0] instanceof Error));
    assert.deepEqual(store.db.prepare('SELECT id, appearances, first_quote_id FROM quotations').all(), [{ id: 1, appearances: 2, first_quote_id: 2 }]);
    // Its words no longer held (as when 65,536 newer quotations have pushed them out): c, near b
    // but not a, is a quotation of its own, whether the sketch rules a out or its words are read.
    const spied = store as unknown as { recentWords: RecentWords; quotationWords(id: number): string | undefined };
    spied.recentWords.clear();
    assert.equal(spied.quotationWords(1), wa);
    assert.ok(!((await store.addArticles([itemC]))[0] instanceof Error));
    assert.deepEqual(store.db.prepare('SELECT id, appearances FROM quotations').all(), [{ id: 1, appearances: 2 }, { id: 2, appearances: 1 }]);
  } finally {
    done();
  }
});
