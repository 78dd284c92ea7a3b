/**
 * End to end, as a person would use the web app: Debian's Chromium driven by playwright-core
 * (never a browser download) against `onrecord serve`'s server on loopback. Requests leaving
 * the loopback server are aborted, so the tests never reach the internet. A screenshot of each
 * page is kept in test-artifacts/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildServer } from '../src/web/server.js';
import { webRecord, type WebRecord } from './helpers/web-record.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const missing = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install -y chromium)`;

let rec: WebRecord;
let app: FastifyInstance;
let origin: string;
let context: BrowserContext;
let profile: string;
/** Console errors and Content-Security-Policy violations seen on any page. */
const problems: string[] = [];

before(async () => {
  if (missing) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  rec = await webRecord();
  app = await buildServer({ store: rec.store, allowPrivate: false, adminToken: null });
  origin = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('[::1]', '127.0.0.1');
  profile = mkdtempSync(join(tmpdir(), 'onrecord-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.route('**/*', (route) => (route.request().url().startsWith(origin + '/') ? route.continue() : route.abort()));
});

after(async () => {
  if (missing) return;
  await context?.close();
  await app?.close();
  await rec?.done();
  rmSync(profile, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`${path}: a dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(origin + path);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `web-${name}.png`), fullPage: true });

test('search from the home page, then open the article of a hit', { skip: missing }, async () => {
  const page = await open('/');
  await shot(page, 'home');
  await page.getByLabel('Search every quote on record').fill('ferr*');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?q=ferr/);
  const hits = page.locator('.hit');
  assert.equal(await hits.count(), 2);
  assert.deepEqual(await page.locator('.hit-speaker').allTextContents(), ['Jane Doe', 'Jane Doe']);
  await shot(page, 'search');

  await page.getByLabel('Outlet').fill('Herald');
  await page.getByRole('button', { name: 'Search' }).last().click();
  await page.waitForURL(/outlet=Herald/);
  assert.equal(await page.locator('.hit').count(), 1);
  await page.locator('.hit a', { hasText: 'Council backs harbour dredging' }).click();
  await page.waitForURL(new RegExp(`/articles/${rec.harbourId}$`));
  assert.equal(await page.locator('h1').textContent(), 'Council backs harbour dredging');
  await page.close();
});

test("article: quotes highlighted in their speakers' colours, details on focus and hover", { skip: missing }, async () => {
  const page = await open(`/articles/${rec.harbourId}`);
  const quotes = page.locator('mark.quote[tabindex="0"]');
  assert.equal(await quotes.count(), 3);
  const underline = (i: number) => quotes.nth(i).evaluate((el) => getComputedStyle(el).borderBottomColor);
  const [jane1, tom, jane2] = [await underline(0), await underline(1), await underline(2)];
  assert.equal(jane1, jane2, "Jane Doe's quotes share a colour");
  assert.notEqual(jane1, tom, 'Tom Reyes has another');
  assert.notEqual(jane1, 'rgba(0, 0, 0, 0)');
  const background = await quotes.nth(0).evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the quote is highlighted');
  const swatch = (name: string) =>
    page.locator('.person-item', { hasText: name }).locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await swatch('Jane Doe'), jane1, 'the side list shows the same colour');
  assert.equal(await swatch('Tom Reyes'), tom);
  assert.match(await page.locator('.person-item', { hasText: 'Tom Reyes' }).locator('.descriptors').textContent() ?? '', /councillor for the east ward/);

  // Keyboard: tab to the first quote; its details appear and are its accessible description.
  const info0 = page.locator('#qi-0');
  assert.equal(await info0.isVisible(), false);
  for (let i = 0; i < 40 && !(await quotes.nth(0).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  assert.ok(await quotes.nth(0).evaluate((el) => el === document.activeElement), 'the first quote takes keyboard focus');
  await info0.waitFor({ state: 'visible' });
  assert.match((await info0.textContent()) ?? '', /Jane Doe[\s\S]*cue: said[\s\S]*type: direct[\s\S]*confidence: 90%/);
  await shot(page, 'article-focus');
  await page.keyboard.press('Escape');
  await info0.waitFor({ state: 'hidden' });

  // Mouse: hovering Tom Reyes's quote shows his details.
  await quotes.nth(1).hover();
  await page.locator('#qi-1').waitFor({ state: 'visible' });
  assert.match((await page.locator('#qi-1 .qi-speaker').textContent()) ?? '', /Tom Reyes/);
  const described = await quotes.nth(1).getAttribute('aria-describedby');
  assert.equal(described, 'qi-1');
  await shot(page, 'article');
  await page.close();
});

test('person: name, descriptors, outlets and a chart of quotes over time', { skip: missing }, async () => {
  const page = await open(`/people/${rec.janeId}`);
  assert.equal(await page.locator('h1').textContent(), 'Jane Doe');
  const chart = page.getByRole('img', { name: 'Quotes per day' });
  await chart.waitFor({ state: 'visible' });
  const box = await chart.boundingBox();
  assert.ok(box && box.width > 300 && box.height > 80, 'the chart is drawn at a readable size');
  const tall = await page.locator('rect.bar').evaluateAll((bars) => bars.filter((b) => (b as SVGRectElement).getBBox().height > 0).length);
  assert.equal(tall, 2, 'two days with quotes');
  assert.equal(await page.locator('.person-quote').count(), 4);
  await shot(page, 'person');
  await page.getByRole('link', { name: 'week', exact: true }).click();
  await page.waitForURL(/by=week/);
  assert.equal(await page.locator('rect.bar').count(), 3);
  await shot(page, 'person-weekly');
  await page.close();
});

test('analyze pasted text: the article view at once, quotes highlighted, nothing stored', { skip: missing }, async () => {
  const before = (await rec.store.stats()).articles;
  const page = await open('/analyze');
  await page.getByLabel('Article text').fill(
    'The regional library will open on Sundays from June.\n\n"People asked for it, and we listened," said Amara Okonkwo, the library director.\n\nCouncillor Ivan Petrov said the extra hours would cost little.',
  );
  await page.getByRole('button', { name: 'Analyze' }).click();
  await page.waitForURL(/\/analyze$/);
  await page.locator('.notice').waitFor();
  assert.match((await page.locator('.notice').textContent()) ?? '', /not stored/);
  assert.equal(await page.locator('h1').textContent(), 'Pasted text');
  const quote = page.locator('mark.quote[tabindex="0"]', { hasText: 'we listened' });
  assert.equal(await quote.count(), 1);
  const colour = await quote.evaluate((el) => getComputedStyle(el).borderBottomColor);
  const okonkwo = page.locator('.person-item', { hasText: 'Okonkwo' }).locator('.swatch');
  assert.equal(await okonkwo.evaluate((el) => getComputedStyle(el).backgroundColor), colour);
  await shot(page, 'analyze');
  assert.equal((await rec.store.stats()).articles, before);
  await page.close();
});

test('a hostile article renders as text: no script runs, no element injected, no CSP violation', { skip: missing }, async () => {
  const page = await open(`/articles/${rec.hostileId}`);
  assert.equal(await page.locator('h1').textContent(), '<script>window.__pwned = 1</script>Hostile <b>title</b>');
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.equal(await page.locator('main img, main i, main b').count(), 0);
  await shot(page, 'hostile');
  await page.close();
  assert.deepEqual(problems, [], 'no console errors, page errors, dialogs or CSP violations on any page');
});
