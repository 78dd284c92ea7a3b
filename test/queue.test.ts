/**
 * The work queue end to end, through the real command (bin/onrecord.js) against real Redis and
 * PostgreSQL servers (ONRECORD_TEST_REDIS, ONRECORD_TEST_PG; .ci/services starts them): `ingest
 * --queue` puts files, pages, feeds and archives on the queue, `worker` processes do them, and
 * `status` tells how it went. Includes the crash test: two workers share 2,000 articles, one is
 * killed with SIGKILL mid-run, a third finishes, and every article and quote is there once.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { analyze } from '../src/index.js';
import { httpResponse, newsPage, rss, storyParagraphs, warcFile, warcRecord } from './helpers/fixtures.js';
import { needs, serviceUrl, throwawayDatabase } from './helpers/backends.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'onrecord.js');
const skip = needs('ONRECORD_TEST_REDIS') || needs('ONRECORD_TEST_PG');

interface Result {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[]): { child: ChildProcess; done: Promise<Result> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Result>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { child, done };
}

const run = (args: string[]) => start(args).done;

/** A queue name of its own for each test: tests may share one Redis. */
const queueName = () => 'test-' + randomBytes(5).toString('hex');

async function count(url: string, sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number(Object.values((await c.query(sql)).rows[0] as object)[0]);
  } finally {
    await c.end();
  }
}

// --- A local HTTP server (tests never leave the machine) ------------------------------------
let server: Server;
let base = '';
let flakyHits = 0;

function page(n: number): string {
  return newsPage({ title: `Queue story ${n}`, outlet: 'Queue Gazette', published: `2025-03-${String(n).padStart(2, '0')}T08:00:00Z`, canonical: `${base}/story/${n}`, paragraphs: storyParagraphs(1000 + n) });
}

before(async () => {
  server = createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (status: number, type: string, body: string) => res.writeHead(status, { 'content-type': type }).end(body);
    let m: RegExpMatchArray | null;
    if ((m = p.match(/^\/story\/(\d+)$/))) return send(200, 'text/html; charset=utf-8', page(Number(m[1])));
    if (p === '/feed.rss') return send(200, 'application/rss+xml', rss([{ link: `${base}/story/1`, title: 'One' }, { link: `${base}/story/2`, title: 'Two' }]));
    if (p === '/empty') return send(200, 'text/html', '<html><body><nav>Home</nav></body></html>');
    // Down for the first two tries, then fine: retried with backoff, stored in the end.
    if (p === '/flaky') return ++flakyHits <= 2 ? send(503, 'text/plain', 'busy') : send(200, 'text/html; charset=utf-8', page(3));
    send(404, 'text/plain', 'not here');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

test('[queue] ingest --queue, worker, status: files, pages, feeds, archives; retries; failures with reasons', { skip, timeout: 120_000 }, async () => {
  const redis = serviceUrl('ONRECORD_TEST_REDIS');
  const db = await throwawayDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-queue-'));
  const q = queueName();
  try {
    const jsonl = join(dir, 'wire.jsonl');
    writeFileSync(
      jsonl,
      [
        ...Array.from({ length: 5 }, (_, i) => JSON.stringify({ id: `w${i}`, text: storyParagraphs(i).join('\n\n'), outlet: 'Wire' })),
        '{"id": "broken", "text": ',
      ].join('\n') + '\n',
    );
    writeFileSync(join(dir, 'note.txt'), storyParagraphs(50, 'Tom Reyes').join('\n\n'));
    writeFileSync(join(dir, 'page.html'), newsPage({ title: 'Local page', outlet: 'File Times', canonical: 'https://files.example/p', paragraphs: storyParagraphs(60) }));
    const warc = warcFile(
      [61, 62].map((n) =>
        warcRecord('response', { 'WARC-Target-URI': `https://archive.example/${n}` }, httpResponse(newsPage({ title: `Archived ${n}`, outlet: 'Archive Post', canonical: `https://archive.example/${n}`, paragraphs: storyParagraphs(n) }))),
      ),
      true,
    );
    writeFileSync(join(dir, 'crawl.warc.gz'), warc);
    const inputs = [jsonl, join(dir, 'note.txt'), join(dir, 'page.html'), join(dir, 'crawl.warc.gz'), `${base}/feed.rss`, `${base}/empty`, `${base}/flaky`, `${base}/missing`];
    const queued = await run(['ingest', '--queue', redis, '--queue-name', q, '--db', db.url, '--batch', '2', '--backoff-ms', '100', '--format', 'json', ...inputs]);
    assert.equal(queued.status, 2, 'a bad JSONL line is an input failure: ' + queued.stderr);
    const qs = JSON.parse(queued.stdout);
    // 5 articles in 3 jobs, 1 text, 1 page, 2 archived pages in 1 job, 4 URLs.
    assert.deepEqual([qs.items, qs.jobs], [13, 10]);
    assert.deepEqual(qs.failed.map((f: { input: string }) => f.input), [`${jsonl}:6`]);

    const before = JSON.parse((await run(['status', '--queue', redis, '--queue-name', q, '--format', 'json'])).stdout);
    assert.deepEqual([before.waiting, before.active, before.done, before.failed], [10, 0, 0, 0]);

    const w = await run(['worker', '--queue', redis, '--queue-name', q, '--db', db.url, '--until-idle', '--format', 'json']);
    assert.equal(w.status, 0, w.stderr);
    const ws = JSON.parse(w.stdout);
    // Articles: 5 + 1 + 1 + 2 + the feed's 2 + the flaky page once it answers.
    assert.equal(ws.added, 12);
    assert.equal(flakyHits, 3, 'the 503s were retried');
    assert.match(w.stderr, /flaky.* will be retried .*HTTP 503/);

    const after = JSON.parse((await run(['status', '--queue', redis, '--queue-name', q, '--format', 'json'])).stdout);
    assert.deepEqual([after.waiting, after.active, after.failed], [0, 0, 2]);
    assert.equal(after.done, 10, '10 jobs queued and 2 feed items, less the 2 that failed');
    assert.equal(after.articles.added, 12);
    const reasons = Object.fromEntries(after.failedJobs.map((j: { input: string; reason: string }) => [j.input, j.reason]));
    assert.match(reasons[`${base}/empty`], /no article text|too little text|article/i);
    assert.match(reasons[`${base}/missing`], /HTTP 404/);
    // Permanent failures are not retried.
    assert.ok(after.failedJobs.every((j: { attempts: number }) => j.attempts === 1), JSON.stringify(after.failedJobs));
    const table = await run(['status', '--queue', redis, '--queue-name', q]);
    assert.match(table.stdout, /^queue\s+waiting\s+active\s+done\s+failed$/m);
    assert.match(table.stdout, /missing: HTTP 404/);

    assert.equal(await count(db.url, 'SELECT COUNT(*) FROM articles'), 12);
    // Queued again with the record named: what it has is passed over, nothing new is queued.
    const again = JSON.parse((await run(['ingest', '--queue', redis, '--queue-name', q, '--db', db.url, '--format', 'json', jsonl, join(dir, 'note.txt')])).stdout);
    assert.deepEqual([again.items, again.duplicates], [0, 6]);
    // The record answers queries like any other.
    const people = JSON.parse((await run(['people', '--db', db.url, '--format', 'json'])).stdout);
    assert.ok(people.some((p: { name: string }) => p.name === 'Tom Reyes'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
});

test('[queue] bad --queue and an unreachable Redis are clear errors', { skip: false }, async () => {
  const bad = await run(['status', '--queue', 'http://localhost:6379']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--queue must be a redis:\/\/ or rediss:\/\/ URL/);
  const port = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const down = await run(['status', '--queue', `redis://127.0.0.1:${port}`]);
  assert.equal(down.status, 1);
  assert.match(down.stderr, new RegExp(`cannot connect to Redis at redis://127\\.0\\.0\\.1:${port}`));
});

/** `n` distinct articles in one JSONL file, and how many quotes the extractor finds in them. */
function articles(dir: string, n: number): { file: string; quotes: number } {
  const file = join(dir, 'many.jsonl');
  let quotes = 0;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const speaker = ['Jane Doe', 'Tom Reyes', 'Ada Okafor', 'Sam Lee'][i % 4]!;
    const text = storyParagraphs(i, speaker).join('\n\n') + `\n\nCouncil minutes, item ${i}: the budget was read a second time.`;
    quotes += analyze(text).quotes.length;
    lines.push(JSON.stringify({ id: `m${i}`, text, published: `2025-0${1 + (i % 9)}-1${i % 10}` }));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, quotes };
}

test('[queue] SIGTERM: the worker finishes the jobs in hand, takes no more and exits', { skip, timeout: 120_000 }, async () => {
  const redis = serviceUrl('ONRECORD_TEST_REDIS');
  const db = await throwawayDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-queue-'));
  const q = queueName();
  try {
    const { file } = articles(dir, 600);
    assert.equal((await run(['ingest', '--queue', redis, '--queue-name', q, '--batch', '10', file])).status, 0);
    const w = start(['worker', '--queue', redis, '--queue-name', q, '--db', db.url, '--concurrency', '2', '--format', 'json']);
    const t0 = Date.now();
    while (Date.now() - t0 < 60_000 && (await count(db.url, "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'articles'")) === 0) {
      await new Promise((r) => setTimeout(r, 50));
    }
    while (Date.now() - t0 < 60_000 && (await count(db.url, 'SELECT COUNT(*) FROM articles')) < 50) await new Promise((r) => setTimeout(r, 20));
    w.child.kill('SIGTERM');
    const r = await w.done;
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /SIGTERM: finishing \d job\(s\) in hand, taking no more/);
    const s = JSON.parse((await run(['status', '--queue', redis, '--queue-name', q, '--format', 'json'])).stdout);
    assert.equal(s.active, 0, 'no job left half done');
    assert.ok(s.waiting > 0, 'it stopped before the end');
    assert.equal(s.done * 10 + s.waiting * 10, 600, JSON.stringify(s));
    // Every job it took was finished whole: the record has exactly the done jobs' articles.
    assert.equal(await count(db.url, 'SELECT COUNT(*) FROM articles'), s.done * 10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
});

test('[queue] two workers share 2,000 articles, one is killed with SIGKILL, a third finishes: each article and quote once', { skip, timeout: 240_000 }, async () => {
  const redis = serviceUrl('ONRECORD_TEST_REDIS');
  const db = await throwawayDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-queue-'));
  const q = queueName();
  const N = 2000;
  try {
    const { file, quotes } = articles(dir, N);
    const queued = await run(['ingest', '--queue', redis, '--queue-name', q, '--batch', '20', '--format', 'json', file]);
    assert.equal(queued.status, 0, queued.stderr);
    assert.equal(JSON.parse(queued.stdout).jobs, N / 20);
    // Short locks: the killed worker's jobs return to the queue within seconds.
    const worker = (extra: string[] = []) =>
      start(['worker', '--queue', redis, '--queue-name', q, '--db', db.url, '--concurrency', '3', '--lock-ms', '3000', '--format', 'json', ...extra]);
    const a = worker();
    const b = worker(['--until-idle']);
    const t0 = Date.now();
    let seen = 0;
    while (Date.now() - t0 < 120_000) {
      await new Promise((r) => setTimeout(r, 25));
      try {
        seen = await count(db.url, 'SELECT COUNT(*) FROM articles');
      } catch {
        continue; // schema not there yet
      }
      if (seen >= 400) break;
    }
    assert.ok(a.child.kill('SIGKILL'), 'worker A killed');
    const ra = await a.done;
    assert.equal(ra.signal, 'SIGKILL');
    const atKill = await count(db.url, 'SELECT COUNT(*) FROM articles');
    assert.ok(atKill < N, `killed mid-run (${atKill} of ${N} stored)`);
    const c = worker(['--until-idle']);
    const [rb, rc] = await Promise.all([b.done, c.done]);
    assert.equal(rb.status, 0, rb.stderr);
    assert.equal(rc.status, 0, rc.stderr);
    // The killed worker's jobs in hand were taken back and done again by the others.
    assert.match(rb.stderr + rc.stderr, /abandoned by a worker that stopped answering; back on the queue/);

    const s = JSON.parse((await run(['status', '--queue', redis, '--queue-name', q, '--format', 'json'])).stdout);
    assert.deepEqual([s.waiting, s.active, s.failed], [0, 0, 0], JSON.stringify(s));
    assert.ok(s.done >= N / 20, JSON.stringify(s));
    assert.equal(await count(db.url, 'SELECT COUNT(*) FROM articles'), N);
    assert.equal(await count(db.url, 'SELECT COUNT(DISTINCT external_id) FROM articles'), N);
    assert.equal(await count(db.url, 'SELECT COUNT(*) FROM quotes'), quotes);
    assert.equal(await count(db.url, 'SELECT COUNT(*) FROM (SELECT article_id, start FROM quotes GROUP BY 1, 2 HAVING COUNT(*) > 1) d'), 0);
    assert.equal(await count(db.url, 'SELECT COUNT(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)'), 0);
    // Counts kept in the record agree with its rows (nothing counted twice by a redelivered job).
    assert.equal(await count(db.url, 'SELECT COALESCE(SUM(quote_count), 0) FROM people'), await count(db.url, 'SELECT COUNT(*) FROM quotes WHERE person_id IS NOT NULL'));
    assert.equal(await count(db.url, 'SELECT COALESCE(SUM(appearances), 0) FROM quotations'), quotes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
});
