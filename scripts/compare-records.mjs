#!/usr/bin/env node
/**
 * Do two builds write the same record? Ingests the same inputs with each build's CLI into a
 * fresh SQLite record, dumps every table in a stable order, and compares them row by row.
 * Columns that record when a row was written (`articles.ingested_at`,
 * `schema_migrations.applied_at`) are left out. Where a group commit falls depends on timing
 * (ingest commits a group after a pause, too), and three things follow it, even for one build
 * run twice: the full-text indexes' segments, the rowids of the people's names in theirs (new
 * people's names are indexed at each commit), and where band blocks start. So the indexes are
 * compared by what they hold (each passes FTS5's integrity check against its content; the
 * people's names as person and name), and the band blocks as one concatenated sequence.
 *
 *   node scripts/compare-records.mjs --a /work/main --b . [--threads 2] INPUT...
 *
 * INPUT is anything `onrecord ingest` reads (a directory of .txt files, a .jsonl file). Each
 * build ingests every input into its own record, in the order given. Exits 1 when they differ,
 * printing the first differing rows of each table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const A = resolve(opt('a', '/work/main'));
const B = resolve(opt('b', '.'));
const THREADS = opt('threads', '2');
const inputs = args;
if (inputs.length === 0) {
  console.error('compare-records: name the inputs to ingest');
  process.exit(2);
}

const TIME_COLUMNS = new Set(['articles.ingested_at', 'schema_migrations.applied_at']);

function ingest(build, db) {
  for (const input of inputs) {
    execFileSync('node', [join(build, 'bin', 'onrecord.js'), 'ingest', '--db', db, '--threads', THREADS, '--no-progress', input], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

/** Tables laid out by commit timing: compared through what they hold (below). */
const BY_CONTENT = /^(quotes_fts|people_fts)_(data|idx|docsize|content)$|^band_blocks$/;

/** Every table's rows as JSON lines, sorted (blobs as hex). */
function dump(file) {
  const db = new Database(file);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
  const out = new Map();
  for (const fts of tables.filter((t) => /^(quotes_fts|people_fts)$/.test(t))) {
    let check = 'ok';
    try {
      db.prepare(`INSERT INTO "${fts}" ("${fts}") VALUES ('integrity-check')`).run();
    } catch (err) {
      check = err.message;
    }
    out.set(`${fts} (integrity-check)`, [check]);
  }
  out.set('people_fts (person, name)', db.prepare('SELECT person_id, name FROM people_fts').raw().all().map((r) => JSON.stringify(r)).sort());
  const blocks = db.prepare('SELECT data FROM band_blocks ORDER BY last_id').pluck().all();
  out.set('band_blocks (concatenated)', [Buffer.concat(blocks).toString('hex')]);
  for (const t of tables) {
    if (BY_CONTENT.test(t) || t === 'people_fts') continue;
    const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t).filter((c) => !TIME_COLUMNS.has(`${t}.${c}`));
    const hasRowid = (() => {
      try {
        db.prepare(`SELECT rowid FROM "${t}" LIMIT 1`).get();
        return true;
      } catch {
        return false;
      }
    })();
    const select = (hasRowid ? ['rowid AS __rowid'] : []).concat(cols.map((c) => `"${c}"`)).join(', ');
    const rows = db.prepare(`SELECT ${select} FROM "${t}"`).raw().all();
    const lines = rows.map((r) => JSON.stringify(r, (_, v) => (Buffer.isBuffer(v) || v?.type === 'Buffer' ? Buffer.from(v).toString('hex') : v)));
    lines.sort();
    out.set(t, lines);
  }
  db.close();
  return out;
}

const work = mkdtempSync(join(tmpdir(), 'onrecord-compare-'));
let differ = false;
try {
  const files = [join(work, 'a.db'), join(work, 'b.db')];
  ingest(A, files[0]);
  ingest(B, files[1]);
  const [da, db] = files.map(dump);
  for (const t of new Set([...da.keys(), ...db.keys()])) {
    const ra = da.get(t) ?? [];
    const rb = db.get(t) ?? [];
    const ha = createHash('sha256').update(ra.join('\n')).digest('hex').slice(0, 16);
    const hb = createHash('sha256').update(rb.join('\n')).digest('hex').slice(0, 16);
    const same = ha === hb;
    differ ||= !same;
    console.log(`${same ? 'same' : 'DIFFERENT'}  ${t}: ${ra.length} rows${same ? '' : ` against ${rb.length}`}  ${ha}${same ? '' : ` ${hb}`}`);
    if (!same) {
      const sb = new Set(rb);
      const sa = new Set(ra);
      for (const l of ra.filter((x) => !sb.has(x)).slice(0, 3)) console.log(`   a only: ${l.slice(0, 300)}`);
      for (const l of rb.filter((x) => !sa.has(x)).slice(0, 3)) console.log(`   b only: ${l.slice(0, 300)}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(differ ? 'compare-records: the records differ' : 'compare-records: the records are the same');
process.exit(differ ? 1 : 0);
