/**
 * The record commands end to end through bin/onrecord.js: ingest (exit statuses, summary,
 * idempotent re-runs, kill -9 in the middle), search, people, person, export.
 *
 * Tests marked [needs extractor] rely on the extraction engine finding plain quotations of the
 * form `“...,” Jane Doe said.`; everything else holds whatever the extractor finds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { storyParagraphs } from './helpers/fixtures.js';
import { backends, type Backend } from './helpers/backends.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'onrecord.js');
const SAMPLES = join(ROOT, 'samples', 'pages');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Whether anything created the record at `location` (a SQLite file, or the tables in a PostgreSQL database). */
async function recordExists(backend: Backend, location: string): Promise<boolean> {
  if (backend.name === 'sqlite') return existsSync(location);
  const c = new pg.Client({ connectionString: location });
  await c.connect();
  try {
    return (await c.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS e")).rows[0].e as boolean;
  } finally {
    await c.end();
  }
}

function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-cli-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

// The same commands on every backend (--db FILE or --db postgres://...).
for (const backend of backends) {
  test(`[${backend.name}] ingest the sample pages: summary, re-run adds nothing, bad inputs listed with exit 2`, { skip: backend.skip }, async () => {
    const { dir, done } = tempDir();
    const rec = await backend.location();
    try {
      const db = rec.location;
      const first = run(['ingest', '--db', db, '--threads', '2', SAMPLES]);
      assert.equal(first.status, 0, first.stderr + first.stdout);
      assert.match(first.stdout, /ingested 5 articles .*: 5 added \(\d+ quotes?\), 0 already stored, 0 failed/);
      assert.match(first.stderr, /^ingest: 5\/5 articles/m, 'plain progress lines when piped');
      const again = run(['ingest', '--db', db, SAMPLES, '--format', 'json']);
      assert.equal(again.status, 0);
      const s = JSON.parse(again.stdout);
      assert.equal(s.added, 0);
      assert.equal(s.duplicates, 5);
      const bin = join(dir, 'photo.txt');
      writeFileSync(bin, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0, 1]));
      const good = join(dir, 'good.txt');
      writeFileSync(good, storyParagraphs(42).join('\n\n'));
      const bad = run(['ingest', '--db', db, bin, join(dir, 'nope.html'), good]);
      assert.equal(bad.status, 2, bad.stdout + bad.stderr);
      assert.match(bad.stdout, /1 added/);
      assert.match(bad.stdout, /failed inputs \(2\):/);
      assert.match(bad.stdout, /photo\.txt: binary file/);
      assert.match(bad.stdout, /nope\.html: no such file or directory/);
    } finally {
      await rec.done();
      done();
    }
  });

  test(`[${backend.name}] queries on a missing record fail cleanly; empty results are fine`, { skip: backend.skip }, async () => {
    const { dir, done } = tempDir();
    const rec = await backend.location();
    try {
      const db = rec.location;
      const none = backend.name === 'sqlite' ? join(dir, 'none.db') : db;
      const missing = run(['people', '--db', none]);
      assert.equal(missing.status, 1);
      assert.match(missing.stderr, /no record at/);
      assert.ok(!(await recordExists(backend, none)), 'a query does not create a record');
      run(['ingest', '--db', db, '--threads', '0', SAMPLES]);
      const nothing = run(['search', '--db', db, 'zzzzunfindable']);
      assert.equal(nothing.status, 0);
      assert.match(nothing.stdout, /no quotations found/);
      assert.equal(run(['person', '--db', db, 'Nobody', 'Known']).status, 1);
      assert.equal(run(['search', '--db', db, '--since', 'not-a-date', 'x']).status, 1);
    } finally {
      await rec.done();
      done();
    }
  });

  test(`[${backend.name}] export jsonl: one article a line with url, canonical_url, title, outlet, published, text, quotes; csv has a header`, { skip: backend.skip }, async () => {
    const { dir, done } = tempDir();
    const rec = await backend.location();
    try {
      const db = rec.location;
      run(['ingest', '--db', db, SAMPLES]);
      const ex = run(['export', '--db', db, '--format', 'jsonl']);
      assert.equal(ex.status, 0, ex.stderr);
      const lines = ex.stdout.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines.length, 5);
      for (const a of lines) {
        for (const k of ['url', 'canonical_url', 'title', 'outlet', 'published', 'text', 'quotes']) assert.ok(k in a, k);
        assert.match(a.published, /^\d{4}-\d{2}-\d{2}/);
        assert.match(a.canonical_url, /^https:\/\//);
        for (const q of a.quotes) assert.equal(a.text.slice(q.start, q.end), q.text);
      }
      const herald = lines.find((a) => a.outlet === 'The Harbour Herald');
      assert.equal(herald.published, '2025-02-11T19:05:00.000Z');
      assert.equal(herald.title, 'Port Aldis freezes transit fares as council passes budget');
      assert.ok(!/Typical council|All rights reserved|Related stories/.test(herald.text), 'page residue kept out of the text');
      const csv = run(['export', '--db', db, '--format', 'csv', '-o', join(dir, 'q.csv')]);
      assert.equal(csv.status, 0);
      assert.equal(csv.stdout, '');
      const rows = readFileSync(join(dir, 'q.csv'), 'utf8').trim().split('\r\n');
      assert.match(rows[0]!, /,cue,confidence,addressee,when,when_resolved$/);
      assert.equal(rows.length - 1, lines.reduce((n, a) => n + a.quotes.length, 0));
      // (`Vasquez told reporters at the site`: the record keeps to whom it was said.)
      assert.ok(rows.some((r) => /,Elena Vasquez,Vasquez,told,[\d.]+,reporters,,$/.test(r)), rows.join('\n'));
    } finally {
      await rec.done();
      done();
    }
  });

  test(`[${backend.name}] [needs extractor] who said what in the sample pages: people, person, search across outlets`, { skip: backend.skip }, async () => {
    const { dir, done } = tempDir();
    const rec = await backend.location();
    try {
      const db = rec.location;
      run(['ingest', '--db', db, SAMPLES]);
      const people = JSON.parse(run(['people', '--db', db, '--format', 'json']).stdout) as { name: string; quotes: number; articles: number }[];
      const vasquez = people.filter((p) => /Vasquez/.test(p.name));
      assert.equal(vasquez.length, 1, JSON.stringify(people));
      assert.equal(vasquez[0]!.name, 'Elena Vasquez');
      assert.ok(vasquez[0]!.quotes >= 4, JSON.stringify(vasquez));
      assert.equal(vasquez[0]!.articles, 5);
      assert.ok(people.some((p) => p.name === 'Marcus Bell'));
      const person = JSON.parse(run(['person', '--db', db, 'Vasquez', '--format', 'json']).stdout);
      assert.equal(person.name, 'Elena Vasquez');
      assert.equal(person.firstQuoted, '2025-02-11T19:05:00.000Z');
      assert.ok(person.outlets.length >= 3);
      const text = run(['person', '--db', db, 'Elena', 'Vasquez']).stdout;
      assert.match(text, /first quoted: 2025-02-11/);
      const hits = JSON.parse(run(['search', '--db', db, '--speaker', 'Vasquez', '--format', 'json', 'backs of bus riders']).stdout);
      assert.ok(hits.length >= 1);
      const shared = hits.find((h: { totalAppearances: number }) => h.totalAppearances >= 2);
      assert.ok(shared, 'the quotation two outlets reported is one quotation: ' + JSON.stringify(hits.map((h: { text: string }) => h.text)));
      assert.equal(shared.first.outlet, 'The Harbour Herald');
      const table = run(['search', '--db', db, 'weeds']).stdout;
      assert.match(table, /Elena Vasquez/);
      const bell = JSON.parse(run(['search', '--db', db, '--speaker', 'Marcus Bell', '--outlet', 'Lakeshore', '--format', 'json']).stdout);
      assert.ok(bell.length >= 1 && bell.every((h: { appearances: { outlet: string }[] }) => h.appearances.every((a) => a.outlet === 'Lakeshore Ledger')));
    } finally {
      await rec.done();
      done();
    }
  });
}

test('search --since/--until with a bad date: one line naming the option and the expected form, exit status 1', () => {
  const { dir, done } = tempDir();
  try {
    for (const option of ['--since', '--until']) {
      const r = run(['search', '--db', join(dir, 'none.db'), option, 'soon', 'x']);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`^error: option '${option} <date>' argument 'soon' is invalid\\. not a date \\(use YYYY-MM-DD\\)\\.$`, 'm'));
    }
  } finally {
    done();
  }
});

test('export -o to a file that cannot be written names it with the reason, exit status 1', () => {
  const { dir, done } = tempDir();
  try {
    const db = join(dir, 'r.db');
    const src = join(dir, 'a.jsonl');
    writeFileSync(src, JSON.stringify({ id: 'a1', text: storyParagraphs(3).join('\n\n') }) + '\n');
    assert.equal(run(['ingest', '--db', db, '--threads', '0', src]).status, 0);
    const missing = join(dir, 'no', 'such', 'dir', 'out.jsonl');
    const r = run(['export', '--db', db, '-o', missing]);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, `onrecord: cannot write ${missing}: no such directory\n`);
    const isDir = run(['export', '--db', db, '--format', 'csv', '-o', dir]);
    assert.equal(isDir.status, 1, isDir.stderr);
    assert.match(isDir.stderr, /cannot write .*: is a directory/);
  } finally {
    done();
  }
});

test('a reader that stops early (export | head) ends the command quietly, exit status 0', () => {
  const { dir, done } = tempDir();
  try {
    const db = join(dir, 'r.db');
    // Enough text that the export outgrows the pipe's buffer after head has gone.
    const src = join(dir, 'many.jsonl');
    writeFileSync(src, Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: `a${i}`, text: storyParagraphs(i).join('\n\n').repeat(8) })).join('\n'));
    assert.equal(run(['ingest', '--db', db, '--threads', '0', src]).status, 0);
    for (const command of ['export --format jsonl', 'export --format csv']) {
      const r = spawnSync('bash', ['-c', `node "${BIN}" ${command} --db "$1" | head -c 100; exit \${PIPESTATUS[0]}`, 'bash', db], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${command}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /Error|EPIPE/, command);
      assert.equal(r.stdout.length, 100, command);
    }
  } finally {
    done();
  }
});

test('kill -9 in the middle of an ingest loses nothing committed; the re-run completes without duplicates', async () => {
  const { dir, done } = tempDir();
  try {
    const N = 3000;
    const src = join(dir, 'many.jsonl');
    const filler = ' The council met again on Tuesday and discussed roads, parks and the budget at length.'.repeat(30);
    writeFileSync(src, Array.from({ length: N }, (_, i) => JSON.stringify({ id: `n${i}`, text: storyParagraphs(i).join('\n\n') + filler })).join('\n') + '\n');
    const db = join(dir, 'r.db');
    const child = spawn(process.execPath, [BIN, 'ingest', '--db', db, '--threads', '1', '--no-progress', src], { stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    let seen = 0;
    const t0 = Date.now();
    let killedMidway = false;
    while (Date.now() - t0 < 60_000) {
      await new Promise((r) => setTimeout(r, 15));
      if (!existsSync(db)) continue;
      try {
        const ro = new Database(db, { readonly: true, fileMustExist: true });
        try {
          seen = (ro.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
        } finally {
          ro.close();
        }
      } catch {
        continue; // schema not there yet
      }
      if (seen >= 20) {
        killedMidway = child.kill('SIGKILL');
        break;
      }
    }
    await exited;
    const ro = new Database(db, { readonly: true });
    const afterKill = (ro.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
    ro.close();
    assert.ok(killedMidway, 'the ingest was killed while running');
    assert.ok(afterKill >= seen, `committed articles survive the kill (${afterKill} >= ${seen})`);
    assert.ok(afterKill < N, `killed before the end (${afterKill} of ${N})`);
    const rerun = run(['ingest', '--db', db, '--format', 'json', src]);
    assert.equal(rerun.status, 0, rerun.stderr);
    const s = JSON.parse(rerun.stdout);
    assert.equal(s.added + s.duplicates, N);
    assert.equal(s.duplicates, afterKill);
    const rw = new Database(db, { readonly: true });
    const counts = rw.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT external_id) AS d FROM articles').get() as { n: number; d: number };
    const orphans = rw.prepare('SELECT COUNT(*) AS n FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)').get() as { n: number };
    const integrity = rw.pragma('integrity_check', { simple: true });
    rw.close();
    assert.deepEqual(counts, { n: N, d: N });
    assert.equal(orphans.n, 0);
    assert.equal(integrity, 'ok');
  } finally {
    done();
  }
});
