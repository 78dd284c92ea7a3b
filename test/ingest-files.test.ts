/** Ingest from local files: text, JSONL, HTML pages, directories, bad inputs, re-ingest. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ingest } from '../src/ingest/ingest.js';
import { InputWalker } from '../src/ingest/inputs.js';
import { createPool, WORKER_EXEC_ARGV, type WorkPool } from '../src/ingest/pool.js';
import { parsePage } from '../src/ingest/html.js';
import { toIsoDate } from '../src/ingest/dates.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { newsPage, storyParagraphs } from './helpers/fixtures.js';

function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-ingest-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('HTML page: main text without residue, and metadata from JSON-LD, og, <time>, canonical', () => {
  const html = newsPage({
    title: 'Westmere opens its library',
    outlet: 'The Westmere Courier',
    published: '2025-01-18T09:30:00-05:00',
    canonical: 'https://courier.example/news/library-opens/?utm_medium=rss',
    author: 'Ann Writer',
    paragraphs: storyParagraphs(1),
  });
  const r = parsePage(html, 'https://courier.example/news/library-opens?ref=home', 'fixture');
  assert.ok(r.ok, JSON.stringify(r));
  const a = r.article;
  assert.equal(a.canonicalUrl, 'https://courier.example/news/library-opens');
  assert.equal(a.title, 'Westmere opens its library');
  assert.equal(a.outlet, 'The Westmere Courier');
  assert.equal(a.byline, 'Ann Writer');
  assert.equal(a.published, '2025-01-18T14:30:00.000Z');
  assert.match(a.text, /“We built this for everyone who ever wanted a quiet place to read, number 1,” Jane Doe said\./);
  for (const residue of ['Subscribe today', 'newsletter', 'Related', 'Another story', 'residue', 'Copyright', 'Privacy']) {
    assert.ok(!a.text.includes(residue), `residue "${residue}" in text:\n${a.text}`);
  }
  // paragraphs stay paragraphs
  assert.ok(a.text.split('\n\n').length >= 4);

  const og = parsePage(newsPage({ title: 'T', outlet: 'O', published: '2024-07-01T08:00:00Z', dateIn: 'og', paragraphs: storyParagraphs(2) }), null, 'f');
  assert.ok(og.ok);
  assert.equal(og.article.published, '2024-07-01T08:00:00.000Z');
  assert.equal(og.article.canonicalUrl, null);
  const time = parsePage(newsPage({ title: 'T', outlet: 'O', published: '2024-07-02', dateIn: 'time', paragraphs: storyParagraphs(3) }), null, 'f');
  assert.ok(time.ok);
  assert.equal(time.article.published, '2024-07-02');
});

test('HTML page: no article text, no markup, binary, a home-page canonical ignored', () => {
  const empty = parsePage('<html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav><p>Welcome.</p></body></html>', null, 'x');
  assert.deepEqual(empty, { ok: false, reason: 'no article text found on the page' });
  const plain = parsePage('just some words, not a page at all', null, 'x');
  assert.equal(plain.ok, false);
  assert.match((plain as { reason: string }).reason, /malformed HTML/);
  const home = parsePage(
    newsPage({ title: 'T', outlet: 'O', canonical: 'https://site.example/', paragraphs: storyParagraphs(4) }),
    'https://site.example/2025/story',
    'x',
  );
  assert.ok(home.ok);
  assert.equal(home.article.canonicalUrl, 'https://site.example/2025/story');
});

test('dates normalise to ISO', () => {
  assert.equal(toIsoDate('2025-02-11T14:05:00-05:00'), '2025-02-11T19:05:00.000Z');
  assert.equal(toIsoDate('2025-02-11'), '2025-02-11');
  assert.equal(toIsoDate('February 11, 2025'), '2025-02-11');
  assert.equal(toIsoDate('Tue, 11 Feb 2025 10:00:00 GMT'), '2025-02-11T10:00:00.000Z');
  assert.equal(toIsoDate('not a date'), null);
  assert.equal(toIsoDate('2025-02-30'), null);
});

test('text, JSONL and directories; bad inputs reported, the rest ingested; re-ingest adds nothing', async () => {
  const { dir, done } = tempDir();
  const db = join(dir, 'r.db');
  try {
    const src = join(dir, 'in');
    mkdirSync(join(src, 'nested'), { recursive: true });
    writeFileSync(join(src, 'one.txt'), storyParagraphs(1).join('\n\n'));
    writeFileSync(join(src, 'nested', 'two.txt'), storyParagraphs(2, 'John Roe').join('\n\n'));
    writeFileSync(join(src, 'nested', 'notes.md'), '# not an input kind in a directory');
    writeFileSync(join(src, 'page.html'), newsPage({ title: 'Library', outlet: 'Courier', published: '2025-01-02', canonical: 'https://c.example/lib', paragraphs: storyParagraphs(3) }));
    const lines = [
      JSON.stringify({ id: 'j1', text: storyParagraphs(4).join('\n\n'), url: 'https://wire.example/4', published: '2025-01-04', outlet: 'Wire', title: 'Four' }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'j2' }),
      '',
      JSON.stringify({ id: 'j3', text: storyParagraphs(5).join('\n\n') }),
      // the same article as one.txt, whitespace aside: stored once
      JSON.stringify({ id: 'dup', text: storyParagraphs(1).join('\n') }),
    ];
    writeFileSync(join(src, 'articles.jsonl'), lines.join('\n') + '\n');
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3, 0, 0]));
    const missing = join(dir, 'missing.txt');
    const emptyPage = join(dir, 'empty.html');
    writeFileSync(emptyPage, '<html><body><nav>Home | News</nav><footer>(c)</footer></body></html>');

    const store = openSqliteStore(db);
    const s = await ingest([src, binary, missing, emptyPage], { store, threads: 0 });
    const byInput = Object.fromEntries(s.failed.map((f) => [f.input.replace(dir + '/', ''), f.reason]));
    assert.deepEqual(Object.keys(byInput).sort(), ['binary.txt', 'empty.html', 'in/articles.jsonl:2', 'in/articles.jsonl:3', 'missing.txt']);
    assert.match(byInput['binary.txt']!, /binary/);
    assert.match(byInput['missing.txt']!, /no such file/);
    assert.match(byInput['empty.html']!, /no article text/);
    assert.match(byInput['in/articles.jsonl:2']!, /malformed JSON/);
    assert.match(byInput['in/articles.jsonl:3']!, /missing "text"/);
    assert.equal(s.added, 5);
    assert.equal(s.duplicates, 1);
    assert.deepEqual(s.ignored.map((p) => p.replace(dir + '/', '')), ['in/nested/notes.md']);
    assert.equal((await store.stats()).articles, 5);
    const rows = store.db.prepare('SELECT external_id, url, canonical_url, outlet, published, title FROM articles ORDER BY external_id').all();
    assert.ok(rows.some((r) => JSON.stringify(r) === JSON.stringify({ external_id: 'j1', url: 'https://wire.example/4', canonical_url: 'https://wire.example/4', outlet: 'Wire', published: '2025-01-04', title: 'Four' })), JSON.stringify(rows));

    const again = await ingest([src], { store, threads: 0 });
    assert.equal(again.added, 0);
    assert.equal(again.duplicates, 6);
    assert.equal((await store.stats()).articles, 5);
    store.closeSync();
  } finally {
    done();
  }
});

test('an input named like a URL of a scheme other than http(s) is reported as that, not as a missing file', async () => {
  const { dir, done } = tempDir();
  try {
    const store = openSqliteStore(join(dir, 'r.db'));
    const s = await ingest(['ftp://files.example/a.txt', 'File:///tmp/a.txt', join(dir, 'missing.txt')], { store, threads: 0 });
    const byInput = Object.fromEntries(s.failed.map((f) => [f.input.replace(dir + '/', ''), f.reason]));
    assert.equal(byInput['ftp://files.example/a.txt'], 'unsupported URL scheme ftp: (http and https only)');
    assert.equal(byInput['File:///tmp/a.txt'], 'unsupported URL scheme file: (http and https only)');
    assert.equal(byInput['missing.txt'], 'no such file or directory');
    store.closeSync();
  } finally {
    done();
  }
});

test('a text file is stored as the text it holds: UTF-8 as read, a byte-order mark dropped, Latin-1 decoded', async () => {
  const { dir, done } = tempDir();
  try {
    const src = join(dir, 'in');
    mkdirSync(src);
    const story = storyParagraphs(6).join('\n\n');
    const utf8 = `Zoë Ångström — café owner — wrote this. 𝄞\n\n${story}`;
    writeFileSync(join(src, 'a-utf8.txt'), utf8);
    const withBom = `Renée’s second note.\n\n${storyParagraphs(7).join('\n\n')}`;
    writeFileSync(join(src, 'b-bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(withBom)]));
    // (Latin-1 has no curly quotation marks: straight ones.)
    const latin = `Cl\u00e9ment's third note.\n\n${storyParagraphs(8).join('\n\n').replace(/[“”]/g, '"')}`;
    writeFileSync(join(src, 'c-latin1.txt'), Buffer.from(latin, 'latin1'));
    const store = openSqliteStore(join(dir, 'r.db'));
    const s = await ingest([src], { store, threads: 0 });
    assert.equal(s.added, 3, JSON.stringify(s.failed));
    const rows = store.db.prepare('SELECT external_id AS id, text, typeof(text) AS type FROM articles ORDER BY external_id').all() as { id: string; text: string; type: string }[];
    assert.deepEqual(rows.map((r) => [r.id, r.type]), [['a-utf8', 'text'], ['b-bom', 'text'], ['c-latin1', 'text']]);
    assert.equal(rows[0]!.text, utf8);
    assert.equal(rows[1]!.text, withBom);
    assert.equal(rows[2]!.text, latin);
    // Searchable and sliceable as any text: quote offsets index the stored text.
    const quotes = store.db.prepare('SELECT q.start, q."end", q.text, a.text AS article FROM quotes q JOIN articles a ON a.id = q.article_id').all() as { start: number; end: number; text: string; article: string }[];
    assert.ok(quotes.length >= 3);
    for (const q of quotes) assert.equal(q.article.slice(q.start, q.end), q.text);
    store.closeSync();
  } finally {
    done();
  }
});

test("a text file's quotes and cues are stored as the text's characters, bound from its bytes or not", async () => {
  // Quotes with characters past ASCII inside and before them (one byte to four in UTF-8): the
  // writer binds a text file's quote texts and cues as slices of the file's bytes (utf8-slices.ts),
  // which must be the characters the offsets name, as the same articles given as strings store them.
  const { dir, done } = tempDir();
  try {
    const src = join(dir, 'in');
    mkdirSync(src);
    const texts = [
      // What the one-pass reader decodes itself (marks U+2010 to U+201F, the ellipsis, no-break space).
      `Jane Doe spoke \u2014 at length.\n\n\u201cWe\u2019ll read here\u2026 every day, and it\u2019s the town\u2019s,\u201d Jane Doe said.\n\n${storyParagraphs(1).join('\n\n')}`,
      // And what it leaves to the reference decoder: accents, CJK, a character of four bytes.
      `Zo\u00eb Ang said caf\u00e9 \u4e2d \u{1d11e}.\n\n\u201cThe caf\u00e9 \u{1f600} opens at nine, and the \u00e9t\u00e9 hours start in June,\u201d Zo\u00eb Ang said.\n\n${storyParagraphs(2, 'Zo\u00eb Ang').join('\n\n')}`,
    ];
    texts.forEach((text, i) => writeFileSync(join(src, `a${i}.txt`), text));
    const jsonl = join(dir, 'same.jsonl');
    writeFileSync(jsonl, texts.map((text, i) => JSON.stringify({ id: `a${i}`, text })).join('\n'));
    const fromFiles = openSqliteStore(join(dir, 'files.db'));
    const fromStrings = openSqliteStore(join(dir, 'strings.db'));
    assert.equal((await ingest([src], { store: fromFiles, threads: 0 })).added, 2);
    assert.equal((await ingest([jsonl], { store: fromStrings, threads: 0 })).added, 2);
    const read = (store: typeof fromFiles) =>
      store.db
        .prepare(
          `SELECT q.start, q."end", q.text, typeof(q.text) AS type, q.cue_start, q.cue_end, q.cue_text, typeof(q.cue_text) AS cue_type, a.text AS article
           FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.id`,
        )
        .all() as { start: number; end: number; text: string; type: string; cue_start: number | null; cue_end: number | null; cue_text: string | null; cue_type: string; article: string }[];
    const rows = read(fromFiles);
    assert.ok(rows.filter((q) => /[^\x00-\x7f]/.test(q.text)).length >= 2, JSON.stringify(rows.map((q) => q.text)));
    for (const q of rows) {
      assert.equal(q.type, 'text');
      assert.equal(q.text, q.article.slice(q.start, q.end));
      if (q.cue_start !== null) {
        assert.equal(q.cue_type, 'text');
        assert.equal(q.cue_text, q.article.slice(q.cue_start, q.cue_end!));
      }
    }
    assert.deepEqual(rows, read(fromStrings));
    // Found by the words of the stored text, as the search indexes them.
    const hits = await fromFiles.search({ text: 'café opens' });
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.text, /caf\u00e9 \u{1f600} opens/u);
    fromFiles.closeSync();
    fromStrings.closeSync();
  } finally {
    done();
  }
});

test('workers load the task module by import, never through require() of an ES module', { skip: !process.allowedNodeEnvironmentFlags.has('--no-experimental-require-module') }, async () => {
  // What piscina tries first, in a worker started with the pool's options: it must fail at once
  // (the require(esm) path once aborted a run), so that piscina imports the module instead.
  const workerModule = new URL('../src/ingest/worker.js', import.meta.url).pathname;
  const code = `const { parentPort } = require('node:worker_threads');
    try { require(${JSON.stringify(workerModule)}); parentPort.postMessage('required'); } catch (e) { parentPort.postMessage(e.code); }`;
  const worker = new Worker(code, { eval: true, execArgv: [...WORKER_EXEC_ARGV] });
  const outcome = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
  await worker.terminate();
  assert.equal(outcome, 'ERR_REQUIRE_ESM');
});

test('extraction on worker threads stores the same as inline', async () => {
  const { dir, done } = tempDir();
  try {
    const src = join(dir, 'many.jsonl');
    writeFileSync(src, Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `a${i}`, text: storyParagraphs(i).join('\n\n') })).join('\n'));
    const pooled = openSqliteStore(join(dir, 'pool.db'));
    const inline = openSqliteStore(join(dir, 'inline.db'));
    const a = await ingest([src], { store: pooled, threads: 2 });
    const b = await ingest([src], { store: inline, threads: 0 });
    assert.equal(a.added, 40);
    assert.equal(b.added, 40);
    assert.equal(a.quotes, b.quotes);
    assert.deepEqual(await pooled.stats(), await inline.stats());
    pooled.closeSync();
    inline.closeSync();
  } finally {
    done();
  }
});

test('articles are written in the order they were read, whatever order their extraction finishes in', async () => {
  const { dir, done } = tempDir();
  try {
    const n = 24;
    const lines = Array.from({ length: n }, (_, i) => ({ id: `a${String(i).padStart(2, '0')}`, text: storyParagraphs(i).join('\n\n') }));
    lines.splice(10, 0, { id: 'copy-of-a03', text: lines[3]!.text }); // the same text again: the earlier one is kept
    lines.splice(15, 0, { id: 'breaks', text: storyParagraphs(99).join('\n\n') }); // the extractor fails on it
    const src = join(dir, 'many.jsonl');
    writeFileSync(src, lines.map((l) => JSON.stringify(l)).join('\n'));
    // Later articles finish first: each waits less than the one before it.
    const inline = createPool(0);
    const pool: WorkPool = {
      ...inline,
      threads: 2,
      extractForStore: async (task) => {
        const i = lines.findIndex((l) => l.id === task.id);
        await new Promise((r) => setTimeout(r, (lines.length - i) * 4));
        if (task.id === 'breaks') throw new Error('no model today');
        return inline.extractForStore(task);
      },
    };
    const store = openSqliteStore(join(dir, 'ordered.db'));
    const summary = await ingest([src], { store, pool });
    assert.equal(summary.added, n);
    assert.equal(summary.duplicates, 1);
    assert.deepEqual(summary.failed.map((f) => f.reason), ['extractor failed: no model today']);
    const order = store.db.prepare('SELECT external_id FROM articles ORDER BY id').pluck().all();
    assert.deepEqual(order, lines.map((l) => l.id).filter((id) => id !== 'copy-of-a03' && id !== 'breaks'));
    store.closeSync();
  } finally {
    done();
  }
});

test('a directory with nothing to ingest in it is a failed input; one named twice is walked once', async () => {
  const { dir, done } = tempDir();
  try {
    const empty = join(dir, 'empty');
    mkdirSync(join(empty, 'deeper'), { recursive: true });
    writeFileSync(join(empty, 'deeper', 'notes.md'), 'not an article\n');
    const full = join(dir, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'one.txt'), storyParagraphs(1).join('\n\n'));

    const walker = new InputWalker();
    const seen = [];
    for (const p of [empty, full, full, join(full, '..', 'full')]) for await (const e of walker.walk(p)) seen.push(e);
    assert.deepEqual(
      seen.map((e) => [e.type, e.path.replace(dir + '/', '')]),
      [['ignored', 'empty/deeper/notes.md'], ['failed', 'empty'], ['file', 'full/one.txt']],
    );
    const failed = seen.find((e) => e.type === 'failed');
    assert.match(failed?.type === 'failed' ? failed.reason : '', /^directory with no files to ingest/);

    const store = openSqliteStore(join(dir, 'record.db'));
    const s = await ingest([empty, full, full], { store, threads: 0 });
    assert.deepEqual(s.failed.map((f) => f.input.replace(dir + '/', '')), ['empty']);
    assert.equal(s.added, 1);
    store.closeSync();
  } finally {
    done();
  }
});
