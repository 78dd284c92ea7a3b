/** WARC archives (.warc and .warc.gz): HTML responses become pages; damage is reported, not fatal. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/ingest/ingest.js';
import { readWarc } from '../src/ingest/warc.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { httpResponse, newsPage, storyParagraphs, warcFile, warcRecord } from './helpers/fixtures.js';

function records(): Buffer[] {
  const page = (n: number) =>
    newsPage({ title: `Archived ${n}`, outlet: 'Archive Post', published: `2024-12-0${n}T08:00:00Z`, canonical: `https://archive-post.example/${n}`, paragraphs: storyParagraphs(n) });
  return [
    warcRecord('warcinfo', { 'Content-Type': 'application/warc-fields' }, Buffer.from('software: fixture\r\n')),
    warcRecord('request', { 'WARC-Target-URI': 'https://archive-post.example/1', 'Content-Type': 'application/http; msgtype=request' }, Buffer.from('GET /1 HTTP/1.1\r\nHost: archive-post.example\r\n\r\n')),
    warcRecord('response', { 'WARC-Target-URI': 'https://archive-post.example/1', 'Content-Type': 'application/http; msgtype=response' }, httpResponse(page(1))),
    warcRecord('response', { 'WARC-Target-URI': 'https://archive-post.example/style.css', 'Content-Type': 'application/http; msgtype=response' }, httpResponse('body{}', 'text/css')),
    warcRecord('response', { 'WARC-Target-URI': 'https://archive-post.example/gone', 'Content-Type': 'application/http; msgtype=response' }, httpResponse('<html><body>gone</body></html>', 'text/html', '404 Not Found')),
    warcRecord('response', { 'WARC-Target-URI': 'https://archive-post.example/2', 'Content-Type': 'application/http; msgtype=response' }, httpResponse(page(2))),
    warcRecord('response', { 'WARC-Target-URI': 'https://archive-post.example/3', 'Content-Type': 'application/http; msgtype=response' }, httpResponse(page(3))),
  ];
}

test('WARC and WARC.gz: HTML responses ingested, other records passed over; same pages stored once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-warc-'));
  try {
    writeFileSync(join(dir, 'a.warc'), warcFile(records(), false));
    writeFileSync(join(dir, 'a.warc.gz'), warcFile(records(), true));
    const items = [];
    for await (const it of readWarc(join(dir, 'a.warc.gz'))) items.push(it);
    assert.deepEqual(items.map((i) => i.ok && i.url), ['https://archive-post.example/1', 'https://archive-post.example/2', 'https://archive-post.example/3']);
    const store = openSqliteStore(join(dir, 'r.db'));
    const s = await ingest([join(dir, 'a.warc'), join(dir, 'a.warc.gz')], { store, threads: 0 });
    assert.deepEqual(s.failed, []);
    assert.equal(s.added, 3);
    assert.equal(s.duplicates, 3);
    const rows = store.db.prepare('SELECT canonical_url, outlet, published FROM articles ORDER BY canonical_url').all();
    assert.deepEqual(rows[0], { canonical_url: 'https://archive-post.example/1', outlet: 'Archive Post', published: '2024-12-01T08:00:00.000Z' });
    store.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a truncated .warc.gz keeps the records before the damage and reports it; not-a-WARC is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'onrecord-warc-'));
  try {
    const full = warcFile(records(), true);
    writeFileSync(join(dir, 'cut.warc.gz'), full.subarray(0, full.length - 700));
    writeFileSync(join(dir, 'fake.warc'), 'this is not an archive');
    writeFileSync(join(dir, 'garbage.warc.gz'), Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.alloc(64, 0xab)]));
    const store = openSqliteStore(join(dir, 'r.db'));
    const s = await ingest([join(dir, 'cut.warc.gz'), join(dir, 'fake.warc'), join(dir, 'garbage.warc.gz')], { store, threads: 0 });
    assert.equal(s.added, 2, JSON.stringify(s));
    const reasons = s.failed.map((f) => `${f.input.replace(dir + '/', '')}: ${f.reason}`);
    assert.equal(reasons.length, 3, reasons.join('\n'));
    assert.match(reasons[0]!, /^cut\.warc\.gz#7 \(https:\/\/archive-post\.example\/3\): truncated gzip/);
    assert.match(reasons[1]!, /^fake\.warc: not a WARC file/);
    assert.match(reasons[2]!, /^garbage\.warc\.gz#\d+: (truncated|corrupt)/);
    store.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
