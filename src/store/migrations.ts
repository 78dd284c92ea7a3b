/**
 * Versioned schema migrations for the SQLite store. Each entry runs once, in its own
 * transaction, and is recorded in `schema_migrations`. Append new versions; never edit one
 * that has shipped.
 */
import type Database from 'better-sqlite3';
import { quotationBands } from './normalize.js';

export interface Migration<Db = unknown, Done = void> {
  version: number;
  name: string;
  sql: string;
  /** Work SQL cannot do (values computed in JavaScript), run after `sql` in the same transaction. */
  run?: (db: Db) => Done;
}

/** Quotations read at a time when a migration recomputes something of each. */
export const MIGRATION_PAGE = 10_000;

export const MIGRATIONS: Migration<Database.Database>[] = [
  {
    version: 1,
    name: 'articles, people, quotations, quotes, full-text search',
    sql: `
CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  external_id   TEXT,
  source        TEXT NOT NULL,
  url           TEXT,
  canonical_url TEXT,
  text_hash     TEXT NOT NULL,
  title         TEXT,
  byline        TEXT,
  outlet        TEXT,
  published     TEXT,
  text          TEXT NOT NULL,
  ingested_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_canonical ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE UNIQUE INDEX articles_hash_no_url ON articles(text_hash) WHERE canonical_url IS NULL;
CREATE INDEX articles_hash ON articles(text_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);

CREATE TABLE people (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  norm_name     TEXT NOT NULL,
  surname       TEXT NOT NULL,
  kind          TEXT NOT NULL,
  quote_count   INTEGER NOT NULL DEFAULT 0,
  article_count INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX people_norm ON people(kind, norm_name);
CREATE INDEX people_surname ON people(surname);
CREATE INDEX people_quotes ON people(quote_count DESC);

CREATE TABLE person_aliases (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  norm      TEXT NOT NULL,
  count     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (person_id, alias)
) WITHOUT ROWID;
CREATE INDEX person_aliases_norm ON person_aliases(norm);

CREATE TABLE person_descriptors (
  person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  descriptor TEXT NOT NULL,
  count      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (person_id, descriptor)
) WITHOUT ROWID;

-- The people of one article as extraction found them, linked to the record's person.
CREATE TABLE article_people (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  local_id    TEXT NOT NULL,
  person_id   INTEGER REFERENCES people(id) ON DELETE SET NULL,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  gender      TEXT,
  descriptors TEXT NOT NULL,
  mentions    TEXT NOT NULL,
  PRIMARY KEY (article_id, local_id)
) WITHOUT ROWID;
CREATE INDEX article_people_person ON article_people(person_id);

-- One quotation, however many outlets reported it.
CREATE TABLE quotations (
  id              INTEGER PRIMARY KEY,
  norm_key        TEXT NOT NULL UNIQUE,
  norm_text       TEXT NOT NULL,
  first_quote_id  INTEGER,
  first_published TEXT,
  appearances     INTEGER NOT NULL DEFAULT 0
);
-- LSH bands of each quotation's wording, for near-identical grouping.
CREATE TABLE quotation_bands (
  band         INTEGER NOT NULL,
  quotation_id INTEGER NOT NULL REFERENCES quotations(id) ON DELETE CASCADE,
  PRIMARY KEY (band, quotation_id)
) WITHOUT ROWID;

-- One appearance of a quotation in one article.
CREATE TABLE quotes (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  quotation_id   INTEGER NOT NULL REFERENCES quotations(id),
  person_id      INTEGER REFERENCES people(id) ON DELETE SET NULL,
  start          INTEGER NOT NULL,
  "end"          INTEGER NOT NULL,
  text           TEXT NOT NULL,
  type           TEXT NOT NULL,
  speaker_name   TEXT,
  speaker_entity TEXT,
  speaker_label  TEXT,
  mention_start  INTEGER,
  mention_end    INTEGER,
  mention_text   TEXT,
  cue_start      INTEGER,
  cue_end        INTEGER,
  cue_text       TEXT,
  confidence     REAL NOT NULL,
  published      TEXT
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_quotation ON quotes(quotation_id);
CREATE INDEX quotes_person ON quotes(person_id, published);
CREATE INDEX quotes_published ON quotes(published);

-- Full-text search over quote text and the speaker's name (the record's name for the person).
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, speaker_label,
  content='quotes', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text, speaker_label) VALUES (new.id, new.text, new.speaker_label);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_label) VALUES ('delete', old.id, old.text, old.speaker_label);
END;
CREATE TRIGGER quotes_au AFTER UPDATE OF text, speaker_label ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_label) VALUES ('delete', old.id, old.text, old.speaker_label);
  INSERT INTO quotes_fts(rowid, text, speaker_label) VALUES (new.id, new.text, new.speaker_label);
END;

-- Full-text search over people's names and aliases.
CREATE VIRTUAL TABLE people_fts USING fts5(
  person_id UNINDEXED, name,
  tokenize='unicode61 remove_diacritics 2'
);
`,
  },
  {
    version: 2,
    name: 'quotation keys: whole wording and long quoted segments',
    sql: `
-- Every exact key a quotation is known by: the wording of each appearance (interrupting
-- attribution removed) and each long quoted segment, so an outlet quoting one sentence of a
-- longer quotation, or the quotation with "she said" in the middle, finds the same quotation.
CREATE TABLE quotation_keys (
  key          TEXT PRIMARY KEY,
  quotation_id INTEGER NOT NULL REFERENCES quotations(id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT OR IGNORE INTO quotation_keys (key, quotation_id) SELECT norm_key, id FROM quotations;
CREATE INDEX quotation_keys_quotation ON quotation_keys(quotation_id);
`,
  },
  {
    version: 3,
    name: 'full-text index of quotes written by the store, once per commit',
    sql: `
-- The store indexes each commit's new quotes in one statement after the articles' savepoints,
-- and re-indexes the quotes it renames: a trigger per row inside each article's savepoint made
-- FTS5 flush its pending index once per article.
DROP TRIGGER IF EXISTS quotes_ai;
DROP TRIGGER IF EXISTS quotes_au;
`,
  },
  {
    version: 4,
    name: 'near-duplicate bands recomputed: 4 bands of 2 MinHash rows from one hash per word',
    sql: `DELETE FROM quotation_bands;`,
    run: (db) => {
      const page = db.prepare('SELECT id, norm_text FROM quotations WHERE id > ? ORDER BY id LIMIT ?');
      const insert = db.prepare('INSERT OR IGNORE INTO quotation_bands (band, quotation_id) VALUES (?, ?)');
      for (let last = 0; ; ) {
        const rows = page.all(last, MIGRATION_PAGE) as { id: number; norm_text: string }[];
        for (const r of rows) for (const band of quotationBands(r.norm_text.split(' '))) insert.run(band, r.id);
        if (rows.length < MIGRATION_PAGE) break;
        last = rows[rows.length - 1]!.id;
      }
    },
  },
  {
    version: 5,
    name: 'bands and keys as plain indexes: no foreign keys, no key row for a quotation\'s own key',
    sql: `
-- Bands and keys are derived from quotations (the store never deletes one), so they are kept as
-- indexes are, without foreign keys: the parent lookup on each of their rows cost about 40% of
-- writing them. A quotation's own key is found through quotations.norm_key, so its row in
-- quotation_keys goes; nothing reads keys by quotation, so their index on it goes too.
CREATE TABLE quotation_bands_v5 (
  band         INTEGER NOT NULL,
  quotation_id INTEGER NOT NULL,
  PRIMARY KEY (band, quotation_id)
) WITHOUT ROWID;
INSERT INTO quotation_bands_v5 (band, quotation_id) SELECT band, quotation_id FROM quotation_bands;
DROP TABLE quotation_bands;
ALTER TABLE quotation_bands_v5 RENAME TO quotation_bands;

CREATE TABLE quotation_keys_v5 (
  key          TEXT PRIMARY KEY,
  quotation_id INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO quotation_keys_v5 (key, quotation_id)
  SELECT k.key, k.quotation_id FROM quotation_keys k
  WHERE NOT EXISTS (SELECT 1 FROM quotations q WHERE q.norm_key = k.key AND q.id = k.quotation_id);
DROP TABLE quotation_keys;
ALTER TABLE quotation_keys_v5 RENAME TO quotation_keys;
`,
  },
  {
    version: 6,
    name: 'to whom and when a quote was said',
    sql: `
-- The extraction's addressee ({"name", "entity", "mention": {"start", "end", "text"}}) and time
-- ({"start", "end", "text", "resolved"}) as JSON, NULL when the text names none. Quotes stored
-- before keep NULL: re-extracting an article is what would find them.
ALTER TABLE quotes ADD COLUMN addressee TEXT;
ALTER TABLE quotes ADD COLUMN said_when TEXT;
`,
  },
  {
    version: 7,
    name: 'near-duplicate bands kept on the quotation row, indexed in memory by the writer',
    sql: `
-- A quotation's four LSH bands and its number of words on its row (bands NULL for a quotation
-- too short for near grouping). The writer indexes them in memory (band-index.ts): the band
-- rows and their lookups were about a quarter of its statements.
ALTER TABLE quotations ADD COLUMN words INTEGER;
ALTER TABLE quotations ADD COLUMN band0 INTEGER;
ALTER TABLE quotations ADD COLUMN band1 INTEGER;
ALTER TABLE quotations ADD COLUMN band2 INTEGER;
ALTER TABLE quotations ADD COLUMN band3 INTEGER;
DROP TABLE quotation_bands;
`,
    run: (db) => {
      const page = db.prepare('SELECT id, norm_text FROM quotations WHERE id > ? ORDER BY id LIMIT ?');
      const update = db.prepare('UPDATE quotations SET words = ?, band0 = ?, band1 = ?, band2 = ?, band3 = ? WHERE id = ?');
      for (let last = 0; ; ) {
        const rows = page.all(last, MIGRATION_PAGE) as { id: number; norm_text: string }[];
        for (const r of rows) {
          const words = r.norm_text.split(' ');
          const bands = quotationBands(words);
          update.run(words.length, bands[0] ?? null, bands[1] ?? null, bands[2] ?? null, bands[3] ?? null, r.id);
        }
        if (rows.length < MIGRATION_PAGE) break;
        last = rows[rows.length - 1]!.id;
      }
    },
  },
  {
    version: 8,
    name: "an article's people kept on its row",
    sql: `
-- The article's entities as one JSON array on its row (see articlePeopleJson): a row per entity,
-- with its primary key and index, was about a tenth of the writer's statements, and nothing reads
-- them but by article. When a person is merged into another, the articles keep the id they
-- were linked to and people_merged says where it went.
ALTER TABLE articles ADD COLUMN people TEXT NOT NULL DEFAULT '[]';
UPDATE articles SET people = (
  SELECT json_group_array(json_object('id', local_id, 'person', person_id, 'name', name, 'kind', kind, 'gender', gender,
    'descriptors', json(descriptors), 'mentions', json(mentions)))
  FROM article_people ap WHERE ap.article_id = articles.id)
WHERE id IN (SELECT article_id FROM article_people);
DROP TABLE article_people;
CREATE TABLE people_merged (
  id      INTEGER PRIMARY KEY,
  into_id INTEGER NOT NULL
);
`,
  },
  {
    version: 9,
    name: 'full-text index of quotes merged sixteen segments at a time',
    sql: `
-- FTS5 writes each flush of new quotes as a segment and merges segments of a level once there
-- are \`automerge\` of them (4 by default): every entry is rewritten once per level. At 16 the
-- levels are half as many, and merging was about 10% of the writer's instructions.
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('automerge', 16);
`,
  },
  {
    version: 10,
    name: 'near-duplicate bands also kept in blocks, one per commit',
    sql: `
-- The bands and word counts of the quotations with ids after the previous block's last_id, up to
-- this one's, packed (band-index.ts): a writer opening a record reads these few blobs rather than
-- every quotation row, which cost about 2 µs a quotation (0.3 s for 130,000) at every run.
-- Quotations past the last block (written before this migration) are still read from their rows,
-- and the next commit's block covers them.
CREATE TABLE band_blocks (
  last_id INTEGER PRIMARY KEY,
  data    BLOB NOT NULL
);
`,
  },
  {
    version: 11,
    name: "the genders a person's articles gave",
    sql: `
-- Articles whose entity for the person had a gender (pronouns, honorifics, gendered nouns, a
-- listed first name): what tells a surname-only "Mr. Doe" from Jane Doe (identity.ts). Filled
-- for the record so far from its articles' people.
ALTER TABLE people ADD COLUMN male INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN female INTEGER NOT NULL DEFAULT 0;
CREATE TEMP TABLE person_genders AS
  SELECT json_extract(e.value, '$.person') AS id,
         SUM(json_extract(e.value, '$.gender') = 'm') AS male, SUM(json_extract(e.value, '$.gender') = 'f') AS female
  FROM articles, json_each(articles.people) e
  WHERE json_extract(e.value, '$.gender') IS NOT NULL AND json_extract(e.value, '$.person') IS NOT NULL
  GROUP BY 1;
UPDATE people SET male = g.male, female = g.female FROM person_genders g WHERE g.id = people.id;
DROP TABLE person_genders;
`,
  },
  {
    version: 12,
    name: "a person's quotes indexed under its surname and its id, not the name they were written with",
    sql: `
-- The speaker column of quotes_fts has, for a quote of a person, the person's surname (which a
-- rename never changes: identity.ts displayName keeps it last), and for a quote of no person the
-- name as written; the column person has the person's id as a word (p12), which searches by
-- its names use (people_fts gives the ids) and the words a user types never reach. The label a
-- quote was written with went stale when its person was renamed: a text search by it found the
-- quote while one by the name shown did not. The index reads its content from a view that
-- computes these (the speaker column keeps its name).
DROP TABLE quotes_fts;
CREATE VIEW quotes_search AS
  SELECT q.id, q.text,
    CASE WHEN q.person_id IS NULL THEN q.speaker_label ELSE (SELECT surname FROM people WHERE id = q.person_id) END AS speaker_label,
    'p' || q.person_id AS person
  FROM quotes q;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, speaker_label, person,
  content='quotes_search', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('automerge', 16);
DROP TRIGGER IF EXISTS quotes_ad;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_label, person) VALUES ('delete', old.id, old.text,
    CASE WHEN old.person_id IS NULL THEN old.speaker_label ELSE (SELECT surname FROM people WHERE id = old.person_id) END,
    'p' || old.person_id);
END;
`,
  },
  {
    version: 13,
    name: 'quotes indexed by date only when dated',
    sql: `
-- Browsing newest first walks the dated quotes through this index and then the undated ones by
-- id (searchFrom); a date filter implies a date. An undated quote's entry was read by nothing,
-- and writing it was about 1.8% of the writer's instructions on undated (text file) articles.
DROP INDEX quotes_published;
CREATE INDEX quotes_published ON quotes(published) WHERE published IS NOT NULL;
`,
  },
  {
    version: 14,
    name: "an article's quotes found by their ids, not an index by article",
    sql: `
-- The writer gives an article's quotes consecutive ids as it writes them, after the article's
-- row: the first and last are on that row (NULL when it has none), and its quotes are read as
-- the quotes with ids in that range and its article id. The index by article took an entry per
-- quote, about 1.5% of the writer's instructions, to answer what the range answers. Rows written
-- before get their lowest and highest quote ids (the range is right even if those were not
-- consecutive: reads also test article_id), or an empty range (1 to 0) when they have no
-- quotes; NULL is left for a row whose range is not known, which reads scan for. Deleting an
-- article (the store never does) now looks for its quotes through the whole table.
ALTER TABLE articles ADD COLUMN first_quote_id INTEGER;
ALTER TABLE articles ADD COLUMN last_quote_id INTEGER;
UPDATE articles SET (first_quote_id, last_quote_id) =
  (SELECT COALESCE(MIN(id), 1), COALESCE(MAX(id), 0) FROM quotes WHERE article_id = articles.id);
DROP INDEX quotes_article;
`,
  },
  {
    version: 15,
    name: "full-text index of quotes written out one segment per indexing step",
    sql: `
-- The writer indexes its quotes 8,192 at a time (INDEX_EVERY_QUOTES in sqlite.ts). FTS5 also
-- writes its pending terms out as a segment whenever they pass \`hashsize\` (1 MB by default):
-- news-shaped quotes made two segments a step, twice the segments to merge later (a step of them
-- fits in 2 MB). 8 MB leaves room for longer quotes. It is a bound, not an allocation: the memory
-- used is what a step's terms take.
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('hashsize', 8388608);
`,
  },
  {
    version: 16,
    name: "the quotes' full-text index reads each quote's person through a join",
    sql: `
-- The same rows as migration 12's view (people.id is the key: one person or none, NULL either
-- way when there is none), so the index needs no rebuild. A correlated subquery opened a cursor
-- on people for every quote indexed; the join keeps one open: about 1% of SQLite's work in the writer.
DROP VIEW quotes_search;
CREATE VIEW quotes_search AS
  SELECT q.id, q.text,
    CASE WHEN q.person_id IS NULL THEN q.speaker_label ELSE p.surname END AS speaker_label,
    'p' || q.person_id AS person
  FROM quotes q LEFT JOIN people p ON p.id = q.person_id;
`,
  },
  {
    version: 17,
    name: 'people indexed by quote count only from 10 quotes (the top of the people list)',
    sql: `
-- Every new person took an entry in this index, and every count written to a person's quotes
-- moved it: about 2% of SQLite's work in the writer on news-shaped text, where most people are
-- new and quoted a few times. Only the people list reads it (most quoted first), and its pages
-- are the top of that order: the people at 10 quotes or more, who come before all others, answer
-- a page when there are enough of them; a page past them sorts the table (sqlite.ts peopleRows).
-- The 10 here is TOP_INDEXED_QUOTES there.
DROP INDEX people_quotes;
CREATE INDEX people_quotes ON people(quote_count DESC) WHERE quote_count >= 10;
`,
  },
];
