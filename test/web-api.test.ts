/**
 * The JSON API and the security rules of the web server, through Fastify's inject (no
 * network) and, for analyze-by-URL, a page server on loopback. On both store backends
 * (PostgreSQL when ONRECORD_TEST_PG is set).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildServer, CONTENT_SECURITY_POLICY } from '../src/web/server.js';
import { webRecord, type WebRecord } from './helpers/web-record.js';
import { backends } from './helpers/backends.js';
import { newsPage } from './helpers/fixtures.js';

for (const backend of backends) {
describe(`[${backend.name}] web API`, { skip: backend.skip }, () => {
  const TOKEN = 'test-admin-token-123';
  let rec: WebRecord;
  let app: FastifyInstance;

  before(async () => {
    rec = await webRecord(backend);
    app = await buildServer({ store: rec.store, allowPrivate: false, adminToken: TOKEN });
  });
  after(async () => {
    await app.close();
    await rec.done();
  });

  async function getJson(url: string): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
    const res = await app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  }

  test('GET /api/articles: newest first, {items, next} with a working next page, outlet filter', async () => {
    const all = await getJson('/api/articles');
    assert.equal(all.status, 200);
    assert.deepEqual(all.body.items.map((a: any) => a.id), [rec.ferryId, rec.harbourId, rec.hostileId]);
    assert.equal(all.body.next, null);
    assert.equal(all.body.items[1].quoteCount, 3);

    const first = await getJson('/api/articles?limit=2');
    assert.equal(first.body.items.length, 2);
    assert.equal(first.body.next, '/api/articles?limit=2&page=2');
    const second = await getJson(first.body.next);
    assert.deepEqual(second.body.items.map((a: any) => a.id), [rec.hostileId]);
    assert.equal(second.body.next, null);

    const coastal = await getJson('/api/articles?outlet=coastal');
    assert.deepEqual(coastal.body.items.map((a: any) => a.outlet), ['Coastal Daily']);
  });

  test('GET /api/articles/:id: text, quotes with offsets, people; 404 and 400 as JSON', async () => {
    const { status, body } = await getJson(`/api/articles/${rec.harbourId}`);
    assert.equal(status, 200);
    assert.equal(body.title, 'Council backs harbour dredging');
    assert.equal(body.quotes.length, 3);
    for (const q of body.quotes) assert.equal(body.text.slice(q.start, q.end), q.text);
    assert.deepEqual(body.people.map((p: any) => p.name), ['Jane Doe', 'Tom Reyes']);
    assert.equal(body.quotes[0].personId, rec.janeId);

    const missing = await getJson('/api/articles/999999');
    assert.equal(missing.status, 404);
    assert.match(missing.body.error.message, /no article with id 999999/);
    assert.match(String(missing.headers['content-type']), /application\/json/);

    const bad = await getJson('/api/articles/abc');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.issues[0].path, 'id');
    assert.match(bad.body.error.message, /id: must be a positive whole number/);
    // Beyond the safe integers two checks fail with the same words: said once.
    const huge = await getJson('/api/articles/99999999999999999999');
    assert.equal(huge.status, 400);
    assert.deepEqual(huge.body.error, {
      status: 400,
      message: 'invalid article id: id: must be a positive whole number',
      issues: [{ path: 'id', message: 'must be a positive whole number' }],
    });
  });

  test('GET /api/quotes: full text, speaker, outlet, dates, pages; bad input names the field', async () => {
    const harbour = await getJson('/api/quotes?q=harbour');
    assert.equal(harbour.status, 200);
    assert.equal(harbour.body.items.length, 1);
    assert.equal(harbour.body.items[0].speaker, 'Jane Doe');
    assert.equal(harbour.body.items[0].first.articleId, rec.harbourId);

    const jane = await getJson('/api/quotes?speaker=Jane%20Doe&limit=2');
    assert.equal(jane.body.items.length, 2);
    assert.equal(jane.body.next, '/api/quotes?speaker=Jane+Doe&limit=2&page=2');
    const janeRest = await getJson(jane.body.next);
    assert.equal(janeRest.body.items.length, 2);
    assert.equal(janeRest.body.next, null);
    const ids = new Set([...jane.body.items, ...janeRest.body.items].map((h: any) => h.quotationId));
    assert.equal(ids.size, 4, 'the two pages hold four different quotations');

    const inMarch = await getJson('/api/quotes?since=2024-03-10&until=2024-03-31');
    assert.deepEqual(new Set(inMarch.body.items.map((h: any) => h.first.outlet)), new Set(['Coastal Daily']));
    const coastal = await getJson('/api/quotes?outlet=Herald');
    assert.ok(coastal.body.items.length === 3 && coastal.body.items.every((h: any) => h.first.outlet === 'The Harbour Herald'));

    const badDate = await getJson('/api/quotes?since=yesterday');
    assert.equal(badDate.status, 400);
    assert.match(badDate.body.error.message, /since: not a date/);
    const badPage = await getJson('/api/quotes?page=0');
    assert.equal(badPage.status, 400);
    assert.match(badPage.body.error.message, /page: must be a whole number from 1/);
    const unknown = await getJson('/api/quotes?speeker=Doe');
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /unknown field "speeker"/);
  });

  test('GET /api/people and /api/people/:id: most quoted first, details, quotes per day, quotes page', async () => {
    const people = await getJson('/api/people');
    assert.equal(people.body.items[0].id, rec.janeId);
    assert.equal(people.body.items[0].quotes, 4);
    assert.deepEqual(people.body.items.slice(1).map((p: any) => p.quotes), [1, 1]);
    assert.deepEqual(people.body.items.slice(1).map((p: any) => p.name).sort(), ['Eve <Evil> Hacker', 'Tom Reyes']);

    const jane = await getJson(`/api/people/${rec.janeId}?limit=3`);
    assert.equal(jane.status, 200);
    assert.equal(jane.body.name, 'Jane Doe');
    assert.deepEqual(jane.body.outlets.map((o: any) => o.value).sort(), ['Coastal Daily', 'The Harbour Herald']);
    assert.deepEqual(jane.body.quotesPerDay, [{ day: '2024-03-04', count: 2 }, { day: '2024-03-20', count: 2 }]);
    assert.equal(jane.body.quotes.items.length, 3);
    assert.equal(jane.body.quotes.next, `/api/people/${rec.janeId}?limit=3&page=2`);
    assert.equal((await getJson(jane.body.quotes.next)).body.quotes.items.length, 1);

    assert.equal((await getJson('/api/people/424242')).status, 404);
    assert.equal((await getJson('/api/people?kind=alien')).status, 400);
  });

  test('POST /api/analyze: pasted text is analysed and not stored; storing needs the admin token', async () => {
    const text = 'The bridge will reopen in May. "We have fixed every cable on the bridge," said Priya Natarajan, the city engineer.';
    const before = (await rec.store.stats()).articles;
    const res = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text } });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.stored, null);
    const quote = body.quotes.find((q: any) => /fixed every cable/.test(q.text));
    assert.ok(quote, 'the direct quote is found');
    assert.equal(text.slice(quote.start, quote.end), quote.text);
    assert.match(quote.speaker.name, /Natarajan/);
    assert.equal((await rec.store.stats()).articles, before, 'nothing stored');

    const noToken = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text, store: true } });
    assert.equal(noToken.statusCode, 401);
    assert.match(noToken.json().error.message, /admin token/);
    const wrong = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text, store: true }, headers: { authorization: 'Bearer nope-nope-nope' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal((await rec.store.stats()).articles, before);

    const stored = await app.inject({
      method: 'POST',
      url: '/api/analyze',
      payload: { text, store: true, title: 'Bridge reopens', published: '2024-04-01' },
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(stored.statusCode, 200);
    const id = stored.json().stored.articleId;
    assert.equal(stored.json().stored.added, true);
    const article = (await getJson(`/api/articles/${id}`)).body;
    assert.equal(article.title, 'Bridge reopens');
    assert.ok(article.quotes.some((q: any) => /fixed every cable/.test(q.text)));
  });

  test('POST /api/analyze: a server without an admin token stores nothing', async () => {
    const readOnly = await buildServer({ store: rec.store, allowPrivate: false, adminToken: null });
    try {
      const res = await readOnly.inject({ method: 'POST', url: '/api/analyze', payload: { text: '"Hello," she said.', store: true }, headers: { authorization: 'Bearer anything-at-all' } });
      assert.equal(res.statusCode, 403);
      assert.match(res.json().error.message, /without --admin-token/);
    } finally {
      await readOnly.close();
    }
  });

  test('POST /api/analyze: bad bodies get 400/413/415 JSON errors naming the problem', async () => {
    const both = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'x', url: 'https://example.com/' } });
    assert.equal(both.statusCode, 400);
    assert.match(both.json().error.message, /either "text" or "url"/);
    const neither = await app.inject({ method: 'POST', url: '/api/analyze', payload: {} });
    assert.equal(neither.statusCode, 400);
    const wrongType = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 42 } });
    assert.equal(wrongType.statusCode, 400);
    assert.match(wrongType.json().error.message, /text: expected string/);
    const extra = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'a', colour: 'red' } });
    assert.match(extra.json().error.message, /unknown field "colour"/);
    const badDate = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'a', published: 'someday' } });
    assert.match(badDate.json().error.message, /published: not a date/);

    const big = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'x'.repeat(1024 * 1024 + 10) } });
    assert.equal(big.statusCode, 413);
    assert.match(big.json().error.message, /too large/);
    const notJson = await app.inject({ method: 'POST', url: '/api/analyze', payload: 'text=hi', headers: { 'content-type': 'text/plain' } });
    assert.equal(notJson.statusCode, 415);
    assert.match(notJson.json().error.message, /application\/json/);
    const broken = await app.inject({ method: 'POST', url: '/api/analyze', payload: '{"text": ', headers: { 'content-type': 'application/json' } });
    assert.equal(broken.statusCode, 400);
    assert.ok(broken.json().error.message);
    const nowhere = await getJson('/api/nothing-here');
    assert.equal(nowhere.status, 404);
    assert.match(nowhere.body.error.message, /nothing at GET \/api\/nothing-here/);
  });

  test('POST /api/analyze with a URL: loopback, private, link-local refused (literal or resolved) unless --allow-private', async () => {
    const page = newsPage({
      title: 'Tram line approved',
      outlet: 'Loopback Courier',
      published: '2024-05-02',
      paragraphs: [
        'The regional council approved the new tram line on Thursday after a two-year consultation with residents.',
        '"The tram will carry forty thousand people a day when it opens," said Marta Oyelaran, the transport chair.',
        'Construction will begin next spring and is expected to take three years, the council said in a statement.',
      ],
    });
    const server: Server = createServer((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/story' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      for (const url of [
        `http://127.0.0.1:${port}/story`,
        `http://localhost:${port}/story`,
        'http://[::1]/',
        'http://[::ffff:127.0.0.1]/',
        'http://169.254.169.254/latest/meta-data/',
        'http://10.1.2.3/',
        'http://192.168.0.1/',
        'http://2130706433/',
        'http://0.0.0.0/',
      ]) {
        const res = await app.inject({ method: 'POST', url: '/api/analyze', payload: { url } });
        assert.equal(res.statusCode, 403, url);
        assert.match(res.json().error.message, /refused: .*(loopback|private|link-local|unspecified)/, url);
      }
      // A public-looking name that resolves to a private address is refused on the resolved IP.
      const tricked = await buildServer({
        store: rec.store,
        allowPrivate: false,
        adminToken: null,
        resolver: async () => [{ address: '10.9.8.7', family: 4 }],
      });
      try {
        const res = await tricked.inject({ method: 'POST', url: '/api/analyze', payload: { url: 'http://news.example/story' } });
        assert.equal(res.statusCode, 403);
        assert.match(res.json().error.message, /news\.example resolves to 10\.9\.8\.7, a private address/);
      } finally {
        await tricked.close();
      }
      // A URL that no network could fetch is the client's mistake: 400 naming `url`, not a failed fetch (502).
      for (const [url, message] of [
        ['file:///etc/passwd', 'only http and https URLs are fetched, not file:'],
        ['ftp://files.example/a', 'only http and https URLs are fetched, not ftp:'],
        ['not a url', 'not a URL: "not a url"'],
        ['http://user:pw@news.example/', 'URLs with credentials are not fetched'],
      ]) {
        const bad = await app.inject({ method: 'POST', url: '/api/analyze', payload: { url } });
        assert.equal(bad.statusCode, 400, url);
        assert.deepEqual(bad.json().error, { status: 400, message: `invalid request body: url: ${message}`, issues: [{ path: 'url', message }] }, url);
      }

      const open = await buildServer({ store: rec.store, allowPrivate: true, adminToken: null });
      try {
        const res = await open.inject({ method: 'POST', url: '/api/analyze', payload: { url: `http://localhost:${port}/redirect` } });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json();
        assert.equal(body.article.title, 'Tram line approved');
        assert.equal(body.article.outlet, 'Loopback Courier');
        assert.ok(body.quotes.some((q: any) => /forty thousand people/.test(q.text) && /Oyelaran/.test(q.speaker.name ?? '')));
      } finally {
        await open.close();
      }
    } finally {
      server.close();
    }
  });

  test('every response carries the Content-Security-Policy and other security headers', async () => {
    for (const url of ['/', `/articles/${rec.harbourId}`, `/people/${rec.janeId}`, '/search?q=ferry', '/analyze', '/api/articles', '/nope', '/static/app.js']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    }
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval/);
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'/);
  });

  test('GET /api/openapi.json describes every API route', async () => {
    const { status, body } = await getJson('/api/openapi.json');
    assert.equal(status, 200);
    assert.match(body.openapi, /^3\.1/);
    for (const path of ['/api/articles', '/api/articles/{id}', '/api/quotes', '/api/people', '/api/people/{id}', '/api/analyze', '/api/openapi.json']) {
      assert.ok(body.paths[path], `${path} documented`);
    }
    // ... and documents only routes that exist.
    for (const [path, methods] of Object.entries(body.paths as Record<string, object>)) {
      for (const method of Object.keys(methods)) {
        const res = await app.inject({ method: method.toUpperCase() as 'GET' | 'POST', url: path.replace('{id}', String(rec.harbourId)), payload: method === 'post' ? {} : undefined });
        assert.doesNotMatch(res.body, /nothing at/, `${method} ${path} is served`);
      }
    }
    assert.ok(body.paths['/api/analyze'].post.requestBody);
    assert.ok(body.paths['/api/quotes'].get.parameters.some((p: any) => p.name === 'since'));
  });
});
}
