/**
 * The server-rendered pages: what a visitor sees on each, escaping of hostile articles, no
 * inline script or style, and the rendering helpers (marked text, chart, address ranges).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import type { FastifyInstance } from 'fastify';
import { buildServer, LOOPBACK_HOSTS } from '../src/web/server.js';
import { renderMarkedText, speakerColours, type ArticleView } from '../src/web/article-view.js';
import { bucketCounts, defaultBucket } from '../src/web/chart.js';
import { escapeHtml, html } from '../src/web/html.js';
import { nonPublicRange } from '../src/web/safe-fetch.js';
import { personItem, personPage } from '../src/web/templates.js';
import { personText } from '../src/cli/person.js';
import { buildAnalysis } from './helpers/analysis.js';
import { HARBOUR_TEXT, webRecord, type WebRecord } from './helpers/web-record.js';

const TOKEN = 'page-admin-token-456';
let rec: WebRecord;
let app: FastifyInstance;

before(async () => {
  rec = await webRecord();
  app = await buildServer({ store: rec.store, allowPrivate: false, adminToken: TOKEN });
});
after(async () => {
  await app.close();
  await rec.done();
});

async function page(url: string, expectStatus = 200) {
  const res = await app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, expectStatus, `${url}: ${res.body.slice(0, 300)}`);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  return { body: res.body, document: parseHTML(res.body).document as any };
}

/** Markup that would need 'unsafe-inline' under the Content-Security-Policy. */
function assertNoInlineCode(body: string, url: string) {
  // Tags only: escaped article text may well contain "onerror=" as words.
  const tags = body.match(/<[a-z][^>]*>/gi) ?? [];
  assert.ok(tags.length > 10, `${url}: a page`);
  for (const tag of tags) {
    assert.doesNotMatch(tag, /^<script(?![^>]*\bsrc=)/i, `${url}: inline script ${tag}`);
    assert.doesNotMatch(tag, /^<style\b/i, `${url}: <style> element`);
    assert.doesNotMatch(tag, /\sstyle\s*=/i, `${url}: style attribute in ${tag}`);
    assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `${url}: event handler attribute in ${tag}`);
    assert.doesNotMatch(tag, /javascript:/i, `${url}: javascript: URL in ${tag}`);
  }
}

test('home: search box, latest articles newest first, most quoted people', async () => {
  const { document } = await page('/');
  assert.ok(document.querySelector('form[action="/search"] input[name="q"]'));
  const latest = [...document.querySelectorAll('.article-list a')].map((a: any) => a.getAttribute('href'));
  assert.deepEqual(latest, [`/articles/${rec.ferryId}`, `/articles/${rec.harbourId}`, `/articles/${rec.hostileId}`]);
  const top = document.querySelector('.people-ranking a') as any;
  assert.equal(top.textContent, 'Jane Doe');
  assert.equal(top.getAttribute('href'), `/people/${rec.janeId}`);
});

test('article: every quote highlighted in its speaker colour, mention and cue marked, details for hover and focus', async () => {
  const { document } = await page(`/articles/${rec.harbourId}`);
  assert.equal(document.querySelector('h1').textContent, 'Council backs harbour dredging');
  const quotes = [...document.querySelectorAll('mark.quote[tabindex="0"]')] as any[];
  assert.equal(quotes.length, 3);
  const colour = (el: any) => [...el.classList].find((c: string) => c.startsWith('sp-'));
  const [doe1, reyes, doe2] = quotes;
  assert.equal(colour(doe1), colour(doe2), 'one speaker, one colour');
  assert.notEqual(colour(doe1), colour(reyes), 'two speakers, two colours');
  assert.match(doe1.textContent, /dredge the harbour/);
  // The side list shows each speaker with the same colour as their quotes, and their descriptors.
  const items = [...document.querySelectorAll('.person-item')] as any[];
  const janeItem = items.find((li) => li.querySelector('.person-name').textContent.trim() === 'Jane Doe');
  assert.equal(colour(janeItem.querySelector('.swatch')), colour(doe1));
  assert.equal(janeItem.querySelector('.descriptors').textContent, 'mayor');
  assert.equal(janeItem.querySelector('a').getAttribute('href'), `/people/${rec.janeId}`);
  // Mentions and cues are marked in the text.
  const mentions = [...document.querySelectorAll('.article-text .mention')].map((m: any) => m.textContent);
  assert.ok(mentions.includes('Doe') && mentions.includes('Tom Reyes'));
  const cues = [...document.querySelectorAll('.article-text .cue')].map((m: any) => m.textContent);
  assert.deepEqual(cues.sort(), ['added', 'said', 'said']);
  // Each quote is described by its details (speaker, cue, type, confidence).
  const info = document.getElementById(reyes.getAttribute('aria-describedby'));
  assert.equal(info.querySelector('.qi-speaker').textContent, 'Tom Reyes');
  assert.equal(info.querySelector('.qi-cue').textContent, 'said');
  assert.equal(info.querySelector('.qi-type').textContent, 'direct');
  assert.equal(info.querySelector('.qi-confidence').textContent, '90%');
  // The text is all there, unchanged, around the marks.
  assert.equal(document.querySelector('.article-text').textContent, HARBOUR_TEXT);
});

test('hostile article: markup and script in title, outlet, text, quote, speaker and URL stay text', async () => {
  const urls = ['/', `/articles/${rec.hostileId}`, `/people/${rec.eveId}`, '/search?q=said', '/search?speaker=Eve', '/articles', '/people'];
  for (const url of urls) {
    const { body, document } = await page(url);
    assertNoInlineCode(body, url);
    assert.doesNotMatch(body, /<script>window|<img src=x|<i>Evil|<Evil>|<b>title/, url);
    assert.equal(document.querySelectorAll('img, i, b').length, 0, `${url}: no element from the article`);
    assert.equal(document.querySelectorAll('script').length, 1, `${url}: only our own script`);
  }
  const { document } = await page(`/articles/${rec.hostileId}`);
  assert.equal(document.querySelector('h1').textContent, '<script>window.__pwned = 1</script>Hostile <b>title</b>');
  assert.match(document.querySelector('mark.quote').textContent, /<script>window.__pwned=3<\/script> is what I <i>said<\/i>/);
  assert.equal(document.querySelector('.person-item .person-name').textContent.trim(), 'Eve <Evil> Hacker');
  assert.equal(document.querySelector('a[rel~="noopener"]'), null, 'no link to a javascript: URL');
});

test('no page needs inline script or style', async () => {
  for (const url of ['/', '/articles', '/people', `/articles/${rec.harbourId}`, `/people/${rec.janeId}`, '/search', '/search?q=ferry', '/analyze', '/nowhere']) {
    const res = await app.inject({ method: 'GET', url });
    assertNoInlineCode(res.body, url);
    assert.match(res.body, /<script src="\/static\/app.js" defer><\/script>/);
  }
  const js = await app.inject({ method: 'GET', url: '/static/app.js' });
  assert.equal(js.statusCode, 200);
  assert.match(String(js.headers['content-type']), /javascript/);
  const css = await app.inject({ method: 'GET', url: '/static/style.css' });
  assert.match(css.body, /\.sp-0 \{ --speaker:/);
  assert.equal((await app.inject({ method: 'GET', url: '/static/../../package.json' })).statusCode, 404);
});

test('person: names, descriptors, outlets, a chart of quotes per day or week, quotes with outlet, date and article link', async () => {
  const { document } = await page(`/people/${rec.janeId}`);
  assert.equal(document.querySelector('h1').textContent, 'Jane Doe');
  assert.deepEqual([...document.querySelectorAll('.descriptors li')].map((li: any) => li.firstChild.textContent.trim()).sort(), ['The mayor', 'mayor']);
  assert.deepEqual([...document.querySelectorAll('.outlets li')].map((li: any) => li.firstChild.textContent.trim()).sort(), ['Coastal Daily', 'The Harbour Herald']);
  const svg = document.querySelector('svg.quote-chart');
  assert.ok(svg);
  assert.equal(svg.getAttribute('data-bucket'), 'day');
  const bars = [...svg.querySelectorAll('rect.bar')] as any[];
  assert.equal(bars.length, 17, 'one bar per day from 4 to 20 March');
  assert.equal(bars.reduce((s, b) => s + Number(b.getAttribute('data-count')), 0), 4);
  assert.equal(bars.filter((b) => Number(b.getAttribute('height')) > 0).length, 2);
  const quotes = [...document.querySelectorAll('.person-quote')] as any[];
  assert.equal(quotes.length, 4);
  assert.match(quotes[0].querySelector('.meta').textContent, /Coastal Daily · 2024-03-20/);
  assert.equal(quotes[0].querySelector(`a[href="/articles/${rec.ferryId}"]`).textContent, 'Ferry fares frozen for islanders');

  const weekly = (await page(`/people/${rec.janeId}?by=week`)).document.querySelector('svg.quote-chart');
  assert.equal(weekly.getAttribute('data-bucket'), 'week');
  assert.deepEqual([...weekly.querySelectorAll('rect.bar')].map((b: any) => [b.getAttribute('data-period'), b.getAttribute('data-count')]), [
    ['2024-03-04', '2'],
    ['2024-03-11', '0'],
    ['2024-03-18', '2'],
  ]);
  await page('/people/987654', 404);
  const bad = await page('/people/x', 400);
  assert.match(bad.document.querySelector('.error').textContent, /id: must be a positive whole number/);
});

test('search: full text with speaker, outlet and date filters, pages linked, bad dates explained', async () => {
  const { document } = await page('/search?q=ferr*');
  const hits = [...document.querySelectorAll('.hit')] as any[];
  assert.equal(hits.length, 2, 'ferry and ferries');
  assert.ok(hits.every((h) => h.querySelector('.hit-speaker').textContent === 'Jane Doe'));
  assert.equal((document.querySelector('#s-q') as any).getAttribute('value'), 'ferr*');

  const filtered = (await page('/search?speaker=Jane+Doe&outlet=Herald&since=2024-03-01&until=2024-03-05')).document;
  const texts = [...filtered.querySelectorAll('.hit-text')].map((b: any) => b.textContent);
  assert.equal(texts.length, 2);
  assert.ok(texts.some((t) => /dredge the harbour/.test(t)));

  const bad = await page('/search?since=31/31/2024', 400);
  assert.match(bad.document.querySelector('.error').textContent, /since: not a date/);
  const none = await page('/search?q=zeppelin');
  assert.ok(none.document.querySelector('.no-results'));

  // 7 quotations in the record, 20 a page: one page. Add enough to need a second.
  // Wordings that share nothing but "zeppelins", so none is grouped with another as one quotation.
  const words = 'amber basalt cobalt dune ember fjord glacier harbor iris juniper kelp lagoon meadow nectar orchid prairie quartz reef sierra tundra umber valley willow'.split(' ');
  for (let i = 0; i < 21; i++) {
    const quote = `"${words[i]} ${words[(i + 7) % 23]} ${words[(i + 13) % 23]} zeppelins ${i}th ${words[(i + 19) % 23]},"`;
    const text = `${quote} said Paige Turner.`;
    await rec.store.addArticle(
      { source: `zeppelin-${i}`, text, published: '2024-01-01' },
      buildAnalysis(text, [{ id: 'z', name: 'Paige Turner' }], [{ quote, speaker: 'Paige Turner', entity: 'z', mention: 'Paige Turner', cue: 'said' }]),
    );
  }
  const first = await page('/search?q=zeppelins');
  assert.equal(first.document.querySelectorAll('.hit').length, 20);
  const next = first.document.querySelector('a[rel="next"]') as any;
  assert.equal(next.getAttribute('href'), '/search?q=zeppelins&page=2');
  const second = await page(next.getAttribute('href'));
  assert.equal(second.document.querySelectorAll('.hit').length, 1);
  assert.equal(second.document.querySelector('a[rel="next"]'), null);
  assert.ok(second.document.querySelector('a[rel="prev"]'));
});

test('analyze page: pasted text shown as an article at once, not stored; stored with the token', async () => {
  const form = await page('/analyze');
  assert.ok(form.document.querySelector('textarea[name="text"]'));
  assert.ok(form.document.querySelector('input[name="token"]'));
  const text = 'The zoo welcomed twin pandas. "They arrived healthy and hungry," said Rosa Lindqvist, the head keeper.';
  const before = (await rec.store.stats()).articles;
  const body = new URLSearchParams({ text, title: 'Twin <pandas>' }).toString();
  const res = await app.inject({ method: 'POST', url: '/analyze', payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(res.statusCode, 200);
  assertNoInlineCode(res.body, 'POST /analyze');
  const document = parseHTML(res.body).document as any;
  assert.equal(document.querySelector('h1').textContent, 'Twin <pandas>');
  assert.match(document.querySelector('.notice').textContent, /not stored/);
  const quote = document.querySelector('mark.quote[tabindex="0"]') as any;
  assert.match(quote.textContent, /arrived healthy and hungry/);
  assert.match(document.getElementById(quote.getAttribute('aria-describedby')).querySelector('.qi-speaker').textContent, /Lindqvist/);
  assert.equal((await rec.store.stats()).articles, before);

  const wrongToken = await app.inject({
    method: 'POST', url: '/analyze', payload: new URLSearchParams({ text, store: 'on', token: 'wrong-token-here' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(wrongToken.statusCode, 401);
  assert.match(wrongToken.body, /admin token/);
  const stored = await app.inject({
    method: 'POST', url: '/analyze', payload: new URLSearchParams({ text, store: 'on', token: TOKEN }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(stored.statusCode, 303);
  assert.match(String(stored.headers.location), /^\/articles\/\d+$/);
  assert.equal((await rec.store.stats()).articles, before + 1);

  const empty = await app.inject({ method: 'POST', url: '/analyze', payload: 'text=', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Paste an article or give the address of a page/);
});

test('article view: to whom and when a quote was said, in its details and in the quote list', async () => {
  const text = 'Mayor Ana Ruiz told reporters on Tuesday that the pier would reopen. "We are not done," she added.';
  const res = await app.inject({ method: 'POST', url: '/analyze', payload: new URLSearchParams({ text }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(res.statusCode, 200);
  const document = parseHTML(res.body).document as any;
  const told = [...document.querySelectorAll('mark.quote[tabindex="0"]')].find((m: any) => m.textContent === 'that the pier would reopen') as any;
  assert.ok(told, res.body);
  const info = document.getElementById(told.getAttribute('aria-describedby'));
  assert.equal(info.querySelector('.qi-addressee').textContent, 'reporters');
  assert.equal(info.querySelector('.qi-when').textContent, 'on Tuesday', 'no publication date: the words alone');
  const items = [...document.querySelectorAll('.quote-index li')].map((li: any) => li.textContent.replace(/\s+/g, ' ').trim());
  assert.ok(items.some((t) => /told · to reporters · on Tuesday/.test(t)), items.join(' | '));
  // A quote that names neither gets no rows for them.
  const added = [...document.querySelectorAll('mark.quote[tabindex="0"]')].find((m: any) => m.textContent.includes('We are not done')) as any;
  assert.equal(document.getElementById(added.getAttribute('aria-describedby')).querySelector('.qi-addressee, .qi-when'), null);
  // Stored, the speaker's page lists the quote with them too.
  const stored = await app.inject({
    method: 'POST', url: '/analyze', payload: new URLSearchParams({ text, store: 'on', token: TOKEN }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(stored.statusCode, 303);
  const ruiz = (await rec.store.people({ all: true })).find((p) => p.name === 'Ana Ruiz')!;
  const person = (await page(`/people/${ruiz.id}`)).document;
  const item = [...person.querySelectorAll('.person-quote')].find((li: any) => li.querySelector('blockquote').textContent === 'that the pier would reopen') as any;
  assert.equal(item.querySelector('.addressee').textContent, 'to reporters');
  assert.equal(item.querySelector('.when').textContent, 'on Tuesday');
});

test('marked text: nested and crossing spans give balanced markup, the text unchanged, one focus stop per quote', () => {
  const text = '"Alpha beta," she said, "gamma delta." Then "beta, gamma" overlaps.';
  const whole = { start: 0, end: 38 };
  const view: ArticleView = {
    id: 1, title: null, outlet: null, byline: null, published: null, url: null, text,
    people: [],
    quotes: [
      // An interrupted quotation spanning its own cue, a continuation inside it, and a quote crossing its end.
      { ...whole, text: text.slice(0, 38), type: 'direct', confidence: 0.9, speakerName: 'A', speakerKey: 'e:a', personId: null, mention: { start: 14, end: 17, text: 'she' }, cue: { start: 18, end: 22, text: 'said' }, addressee: null, when: null },
      { start: 24, end: 38, text: text.slice(24, 38), type: 'direct', confidence: 0.9, speakerName: 'A', speakerKey: 'e:a', personId: null, mention: { start: 14, end: 17, text: 'she' }, cue: { start: 18, end: 22, text: 'said' }, addressee: null, when: null },
      { start: 30, end: 57, text: text.slice(30, 57), type: 'direct', confidence: 0.5, speakerName: 'B', speakerKey: 'e:b', personId: null, mention: null, cue: null, addressee: null, when: null },
      // Out of range: ignored rather than breaking the page.
      { start: 60, end: 500, text: 'x', type: 'direct', confidence: 0.1, speakerName: null, speakerKey: null, personId: null, mention: null, cue: null, addressee: null, when: null },
    ],
  };
  const colours = speakerColours(view);
  assert.deepEqual([...colours.entries()], [['e:a', 0], ['e:b', 1]]);
  const markup = renderMarkedText(view, colours).value;
  const { document } = parseHTML(`<div id="root">${markup}</div>`);
  const root = document.getElementById('root') as any;
  assert.equal(root.textContent, text);
  const unquote = (s: string) => s.replace(/&quot;/g, '"');
  assert.equal(unquote(root.innerHTML), unquote(markup), 'markup is balanced (re-serialises identically)');
  assert.equal(root.querySelectorAll('[tabindex="0"]').length, 3);
  assert.equal(root.querySelectorAll('.mention').length, 1, 'a mention shared by two quotes is marked once');
  const third = [...root.querySelectorAll('mark[data-q="2"]')].map((m: any) => m.textContent).join('');
  assert.equal(third, text.slice(30, 57), 'a crossing quote is split into fragments that together hold its text');
});

test('escaping helper and chart buckets', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  assert.equal(html`<p title="${'"><script>'}">${['<b>', html`<i>ok</i>`]}</p>`.value, '<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;<i>ok</i></p>');

  const days = [{ day: '2024-01-01', count: 2 }, { day: '2024-01-03', count: 1 }, { day: '2024-01-09', count: 4 }];
  assert.deepEqual(bucketCounts(days, 'day').map((b) => b.count), [2, 0, 1, 0, 0, 0, 0, 0, 4]);
  assert.deepEqual(bucketCounts(days, 'week'), [{ period: '2024-01-01', count: 3 }, { period: '2024-01-08', count: 4 }]);
  assert.deepEqual(bucketCounts(days, 'month'), [{ period: '2024-01-01', count: 7 }]);
  assert.equal(defaultBucket(days), 'day');
  assert.equal(defaultBucket([{ day: '2023-01-01', count: 1 }, { day: '2024-01-01', count: 1 }]), 'week');
  assert.ok(bucketCounts([{ day: '1900-01-01', count: 1 }, { day: '2100-01-01', count: 1 }], 'day').length <= 2000, 'bounded');
});

test('address ranges: loopback, private, link-local and mapped forms are not public', () => {
  for (const [ip, range] of [
    ['127.0.0.1', 'loopback'], ['127.255.0.9', 'loopback'], ['::1', 'loopback'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'],
    ['10.0.0.1', 'private'], ['172.16.5.4', 'private'], ['192.168.1.1', 'private'], ['fd12::1', 'private (unique local)'],
    ['169.254.169.254', 'link-local'], ['fe80::1', 'link-local'], ['0.0.0.0', 'unspecified ("this network")'],
  ] as const) {
    assert.equal(nonPublicRange(ip), range, ip);
  }
  for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1']) assert.equal(nonPublicRange(ip), null, ip);
});

test('a loopback server answers only to loopback host names (no DNS rebinding)', async () => {
  const local = await buildServer({ store: rec.store, allowPrivate: false, adminToken: null, allowedHosts: LOOPBACK_HOSTS });
  try {
    for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', 'LOCALHOST']) {
      assert.equal((await local.inject({ method: 'GET', url: '/api/articles', headers: { host } })).statusCode, 200, host);
    }
    const api = await local.inject({ method: 'GET', url: '/api/articles', headers: { host: 'rebind.attacker.example:8080' } });
    assert.equal(api.statusCode, 421);
    assert.match(api.json().error.message, /does not answer for host "rebind.attacker.example"/);
    const html = await local.inject({ method: 'GET', url: '/', headers: { host: 'rebind.attacker.example' } });
    assert.equal(html.statusCode, 421);
    assert.match(String(html.headers['content-type']), /text\/html/);
  } finally {
    await local.close();
  }
});

test('analyze page: a URL to a private address is refused with the reason', async () => {
  const res = await app.inject({
    method: 'POST', url: '/analyze', payload: new URLSearchParams({ url: 'http://169.254.169.254/latest/meta-data/' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(res.statusCode, 403);
  const document = parseHTML(res.body).document as any;
  assert.match(document.querySelector('.error').textContent, /refused: 169\.254\.169\.254, a link-local address/);
  assert.equal(document.querySelector('#a-url').getAttribute('value'), 'http://169.254.169.254/latest/meta-data/', 'the form keeps what was typed');
});

test('analyze page: an address that is not an http(s) URL is a 400 naming the field, the form kept', async () => {
  const res = await app.inject({
    method: 'POST', url: '/analyze', payload: new URLSearchParams({ url: 'ftp://files.example/story.txt' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(res.statusCode, 400);
  const document = parseHTML(res.body).document as any;
  assert.match(document.querySelector('.error').textContent, /url: only http and https URLs are fetched, not ftp:/);
  assert.equal(document.querySelector('#a-url').getAttribute('value'), 'ftp://files.example/story.txt');
});

test('a person named in more articles than quoted in: the count of articles says "named in", on the pages and in `person`', () => {
  // `articles` counts every article that names the person; "2 quotes in 5 articles" read as if they were quoted in five.
  const p = { id: 7, name: 'Ann Lee', kind: 'person', quotes: 2, articles: 5, firstQuoted: '2024-03-04', lastQuoted: '2024-03-05', aliases: [], descriptors: [], outlets: [] };
  const pageText = parseHTML(personPage(p, html``, 'day', [], 1, false)).document.querySelector('.person-meta')!.textContent;
  assert.equal(pageText, '2 quotes, named in 5 articles, first quoted 2024-03-04, last 2024-03-05');
  assert.equal(parseHTML(`<ul>${personItem(p)}</ul>`).document.querySelector('.meta')!.textContent, '2 quotes, named in 5 articles');
  assert.match(personText(p), /^ {2}quotes: {7}2, named in 5 articles$/m);
});

test('people page past the end of the list says so, not "Nobody quoted yet"', async () => {
  const { document } = await page('/people?page=50');
  const main = document.querySelector('main').textContent;
  assert.match(main, /Nobody more: this page is past the end of the list\./);
  assert.doesNotMatch(main, /Nobody quoted yet/);
  assert.equal(document.querySelector('a[rel="prev"]').getAttribute('href'), '/people?page=49');
});
