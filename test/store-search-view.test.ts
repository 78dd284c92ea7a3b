/**
 * The view the quotes' full-text index reads its content from (migration 16): each quote's person
 * through a join rather than a subquery a quote. It must give the rows migration 12's view gave,
 * or FTS5's index and its content would disagree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite.js';
import { buildAnalysis } from './helpers/analysis.js';

/** Migration 12's view: the person's surname read by a subquery for each quote. */
const SUBQUERY_VIEW = `CREATE VIEW quotes_search AS
  SELECT q.id, q.text,
    CASE WHEN q.person_id IS NULL THEN q.speaker_label ELSE (SELECT surname FROM people WHERE id = q.person_id) END AS speaker_label,
    'p' || q.person_id AS person
  FROM quotes q`;

const viewRows = (db: Database.Database) => db.prepare('SELECT id, text, speaker_label, person FROM quotes_search ORDER BY id').raw().all();

test('migrations: version 16 reads the quotes\' people through a join; the index\'s content is what the subquery gave, for quotes of a person, of no one, and of a person gone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-view-'));
  const file = join(dir, 'test.db');
  try {
    const store = openSqliteStore(file);
    const texts = [
      ['Mayor Ada Quill spoke. "The ferry will run all winter," Quill said.', 'Ada Quill', 'p1'],
      ['A voice from the crowd. "Nobody asked the crews," a fisherman said.', 'a fisherman', null],
      ['Bram Stone, a councillor, disagreed. "The pier is ours," Stone said.', 'Bram Stone', 'p1'],
    ] as const;
    for (const [i, [text, speaker, entity]] of texts.entries()) {
      const quote = text.slice(text.indexOf('"'), text.lastIndexOf('"') + 1);
      const people = entity ? [{ id: entity, name: speaker, mentions: [speaker] }] : [];
      await store.addArticle({ source: `a${i}.txt`, text }, buildAnalysis(text, people, [{ quote, speaker, entity, mention: entity ? speaker : null, cue: 'said' }]));
    }
    // The index agrees with its content read through the join.
    store.db.prepare("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)").run();
    // A quote whose person row is gone (foreign keys unchecked): no surname either way.
    const stone = store.db.prepare("SELECT id FROM people WHERE name = 'Bram Stone'").pluck().get() as number;
    store.db.pragma('foreign_keys = OFF');
    store.db.prepare('DELETE FROM people WHERE id = ?').run(stone);
    store.db.pragma('foreign_keys = ON');
    const now = viewRows(store.db);
    assert.deepEqual(now.map((r) => (r as unknown[])[2]), ['quill', 'a fisherman', null]);
    const plan = (store.db.prepare('EXPLAIN QUERY PLAN SELECT id, text, speaker_label, person FROM quotes_search WHERE id >= ?').all(2) as { detail: string }[]).map((p) => p.detail);
    assert.ok(plan.some((d) => /SEARCH q USING INTEGER PRIMARY KEY \(rowid>\?\)/.test(d)), plan.join('; '));
    assert.ok(plan.some((d) => /SEARCH p USING INTEGER PRIMARY KEY \(rowid=\?\)/.test(d)), plan.join('; '));
    store.closeSync();

    // The record as version 15 left it: the subquery view. The same rows.
    const db = new Database(file);
    db.exec(`DROP VIEW quotes_search; ${SUBQUERY_VIEW}; DELETE FROM schema_migrations WHERE version = 16;`);
    assert.deepEqual(viewRows(db), now);
    db.close();
    const again = openSqliteStore(file);
    try {
      assert.match(again.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'quotes_search'").pluck().get() as string, /LEFT JOIN people p ON p\.id = q\.person_id/);
      assert.deepEqual(viewRows(again.db), now);
      // (The person deleted by hand left its quote's index entry stale, whichever the view.)
      again.db.prepare("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')").run();
      again.db.prepare("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)").run();
      assert.deepEqual((await again.search({ text: 'ferry' })).map((h) => h.speaker), ['Ada Quill']);
      assert.deepEqual((await again.search({ text: 'fisherman crews' })).map((h) => h.text), ['"Nobody asked the crews,"']);
    } finally {
      again.closeSync();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
