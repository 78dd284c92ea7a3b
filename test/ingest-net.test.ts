/**
 * Ingest over HTTP from a server on 127.0.0.1 started here (tests never leave the machine):
 * pages, RSS and Atom feeds, redirects, 404, timeouts, size limits, hostile and malformed feeds,
 * the User-Agent and the per-host bound on requests at once.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/ingest/ingest.js';
import { analyze } from '../src/index.js';
import { Fetcher } from '../src/ingest/fetch.js';
import { parseFeed } from '../src/ingest/feed.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';
import { atom, BILLION_LAUGHS, newsPage, rss, storyParagraphs, XXE } from './helpers/fixtures.js';

let server: Server;
let base = '';
const userAgents: string[] = [];
let inflight = 0;
let peakInflight = 0;
const hung: ServerResponse[] = [];

function page(n: number, extra: Partial<Parameters<typeof newsPage>[0]> = {}): string {
  return newsPage({ title: `Story ${n}`, outlet: 'Loopback Ledger', published: `2025-01-${String(n).padStart(2, '0')}T10:00:00Z`, paragraphs: storyParagraphs(n), ...extra });
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  userAgents.push(String(req.headers['user-agent']));
  const url = new URL(req.url ?? '/', base);
  const p = url.pathname;
  const send = (status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  let m: RegExpMatchArray | null;
  if ((m = p.match(/^\/story\/(\d+)$/))) {
    // slow enough that concurrent requests overlap
    inflight++;
    peakInflight = Math.max(peakInflight, inflight);
    await new Promise((r) => setTimeout(r, 30));
    inflight--;
    const n = Number(m[1]);
    return send(200, 'text/html; charset=utf-8', page(n, { canonical: `${base}/story/${n}` }));
  }
  if (p === "/redirect") { res.writeHead(302, { location: "/redirect2" }).end(); return; }
  if (p === "/redirect2") { res.writeHead(301, { location: "/story/7" }).end(); return; }
  if ((m = p.match(/^\/loop\/(\d+)$/))) { res.writeHead(302, { location: `/loop/${Number(m[1]) + 1}` }).end(); return; }
  if (p === '/hang') {
    hung.push(res);
    return; // never answers
  }
  if (p === '/huge') return send(200, 'text/html', '<html><body>' + '<p>x</p>'.repeat(200_000) + '</body></html>');
  if (p === '/empty-page') return send(200, 'text/html', '<html><body><nav>Home</nav></body></html>');
  if (p === '/binary') return send(200, 'application/octet-stream', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]));
  if (p === '/feed.rss') {
    return send(200, 'application/rss+xml', rss([
      { link: `${base}/story/1`, title: 'One', pubDate: 'Wed, 01 Jan 2025 10:00:00 GMT' },
      { link: `${base}/story/2?utm_source=rss`, title: 'Two' },
      { link: `${base}/story/3`, title: 'Three' },
      { link: `${base}/missing`, title: 'Gone' },
      { link: `${base}/story/4`, title: 'Four' },
      { link: `${base}/story/5`, title: 'Five' },
      { link: `${base}/story/6`, title: 'Six' },
    ]));
  }
  if (p === '/feed.atom') return send(200, 'application/atom+xml', atom([{ link: `${base}/story/8`, title: 'Eight', published: '2025-01-08T10:00:00Z' }, { link: `${base}/story/1`, title: 'One again' }]));
  if (p === '/bomb.rss') return send(200, 'application/rss+xml', BILLION_LAUGHS);
  if (p === '/xxe.rss') return send(200, 'application/rss+xml', XXE);
  if (p === '/broken.rss') return send(200, 'application/rss+xml', '<?xml version="1.0"?><rss><channel><title>cut</title><item><link>' + base + '/story/9</link>');
  return send(404, 'text/html', '<html><body><h1>Not found</h1></body></html>');
}

before(async () => {
  // Load the extraction model now: these ingests extract inline (threads: 0), and loading it
  // blocks the event loop long enough on a busy machine for a fetch's timer to fire first.
  analyze('Warm-up, the model said.');
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  for (const r of hung) r.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function tempStore(): { store: SqliteStore; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-net-'));
  const store = openSqliteStore(join(dir, 'r.db'));
  return { store, done: () => { store.closeSync(); rmSync(dir, { recursive: true, force: true }); } };
}

test('pages by URL, redirects followed, every failure reported with its reason', async () => {
  const { store, done } = tempStore();
  try {
    // A generous timeout for the pages that answer (a loaded machine must not turn them into
    // timeouts), and a short one for the page that never answers, in a run of its own.
    const fetcher = new Fetcher({ timeoutMs: 20_000, maxBytes: 200_000, maxRedirects: 3 });
    const s = await ingest(
      [`${base}/story/1`, `${base}/redirect`, `${base}/missing`, `${base}/huge`, `${base}/loop/0`, `${base}/empty-page`, `${base}/binary`, 'http://127.0.0.1:9/refused'],
      { store, threads: 0, fetcher },
    );
    assert.equal(s.added, 2);
    const hang = await ingest([`${base}/hang`], { store, threads: 0, fetcher: new Fetcher({ timeoutMs: 500 }) });
    assert.equal(hang.added, 0);
    const reasons = Object.fromEntries([...s.failed, ...hang.failed].map((f) => [f.input.replace(base, ''), f.reason]));
    assert.match(reasons['/missing']!, /HTTP 404/);
    assert.match(reasons['/hang']!, /timeout after 500 ms/);
    assert.match(reasons['/huge']!, /too large/);
    assert.match(reasons['/loop/0']!, /too many redirects/);
    assert.match(reasons['/empty-page']!, /no article text/);
    assert.match(reasons['/binary']!, /binary/);
    assert.match(reasons['http://127.0.0.1:9/refused']!, /connection failed|fetch failed/);
    const urls = (store.db.prepare('SELECT canonical_url, url FROM articles ORDER BY id').all() as { canonical_url: string; url: string }[]);
    assert.ok(urls.some((u) => u.url === `${base}/story/7`), 'redirect target recorded as the page URL');
    assert.ok(userAgents.every((ua) => /^onrecord\//.test(ua)), userAgents.join(', '));
  } finally {
    done();
  }
});

test('RSS and Atom feeds: every item page fetched and ingested, once, at most N requests per host at once', async () => {
  const { store, done } = tempStore();
  try {
    peakInflight = 0;
    const fetcher = new Fetcher({ perHost: 2, timeoutMs: 5000 });
    const s = await ingest([`${base}/feed.rss`, `${base}/feed.atom`], { store, threads: 0, fetcher, concurrency: 16 });
    assert.equal(s.added, 7, JSON.stringify(s));
    assert.equal(s.duplicates, 1); // story 1 is in both feeds
    assert.deepEqual(s.failed.map((f) => f.reason), ['HTTP 404 Not Found']);
    assert.ok(peakInflight <= 2, `peak ${peakInflight} requests at once`);
    assert.ok(peakInflight >= 2, 'requests did run concurrently');
    // the tracking parameter does not make a second article
    const again = await ingest([`${base}/feed.rss`], { store, threads: 0, fetcher });
    assert.equal(again.added, 0);
    assert.equal((await store.stats()).articles, 7);
  } finally {
    done();
  }
});

test('hostile and malformed feeds are refused with a reason, before any entity is expanded, and nothing is fetched for them', async () => {
  const { store, done } = tempStore();
  try {
    const before = userAgents.length;
    // (An expanded bomb would take minutes and gigabytes; the reasons below show the parser
    // refused the declarations instead. No timing is asserted: speed lives in the benchmarks.)
    const s = await ingest([`${base}/bomb.rss`, `${base}/xxe.rss`, `${base}/broken.rss`], { store, threads: 0 });
    assert.equal(userAgents.length - before, 3, 'only the three feeds were requested');
    assert.equal(s.added, 0);
    const reasons = s.failed.map((f) => f.reason);
    assert.match(reasons[0]!, /hostile XML refused/);
    assert.match(reasons[1]!, /hostile XML refused/);
    assert.match(reasons[2]!, /malformed XML/);
  } finally {
    done();
  }
});

test('feed parser: RSS, Atom, RDF, entities, CDATA, not-a-feed', () => {
  const f = parseFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>A &amp; B</title>
    <item><title><![CDATA[Fish & <b>chips</b>]]></title><link> https://x.example/a#top </link><pubDate>Wed, 01 Jan 2025 10:00:00 GMT</pubDate></item>
    <item><title>no link</title></item>
    <item><guid>https://x.example/b</guid><title>&#8220;quoted&#x201D;</title></item></channel></rss>`);
  assert.equal(f.title, 'A & B');
  assert.deepEqual(f.items, [
    { url: 'https://x.example/a', title: 'Fish & <b>chips</b>', published: '2025-01-01T10:00:00.000Z' },
    { url: 'https://x.example/b', title: '“quoted”', published: null },
  ]);
  assert.equal(f.skipped, 1);
  const rdf = parseFeed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item><link>https://x.example/r</link><dc:date>2025-02-02</dc:date></item></rdf:RDF>');
  assert.deepEqual(rdf.items, [{ url: 'https://x.example/r', title: null, published: '2025-02-02' }]);
  const a = parseFeed(atom([{ link: '/rel', title: 'Rel' }]), 'https://base.example/feed');
  assert.equal(a.items[0]!.url, 'https://base.example/rel');
  assert.throws(() => parseFeed('<html><body>hi</body></html>'), /not an RSS or Atom feed/);
  assert.throws(() => parseFeed('<rss><channel></rss>'), /malformed XML/);
  assert.throws(() => parseFeed(BILLION_LAUGHS), /hostile/);
  assert.throws(() => parseFeed(XXE), /hostile/);
  // an undeclared entity is never expanded
  assert.equal(parseFeed('<rss><channel><title>&foo;</title></channel></rss>').title, '&foo;');
});
