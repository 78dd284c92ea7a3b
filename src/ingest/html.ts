/**
 * HTML pages: the article's main text (Readability over linkedom, so navigation, promos,
 * related links, comments and footers fall away) and its metadata: title, byline, outlet,
 * published date (JSON-LD `datePublished`, Open Graph / meta tags, `<time>`), canonical URL.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normalizeUrl } from '../store/normalize.js';
import type { ArticleInput } from '../store/store.js';
import { toIsoDate } from './dates.js';

export interface PageHints {
  title?: string | null;
  published?: string | null;
  outlet?: string | null;
}

export type PageResult = { ok: true; article: ArticleInput } | { ok: false; reason: string };

/** Below this many characters of main text a page is taken to carry no article. */
export const MIN_ARTICLE_CHARS = 120;

type El = {
  tagName: string;
  getAttribute(name: string): string | null;
  textContent: string | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): Iterable<El>;
  childNodes: Iterable<Node>;
};
type Node = { nodeType: number; nodeName: string; textContent: string | null; childNodes: Iterable<Node> };

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TR', 'UL', 'TD', 'TH',
]);

/** Plain text of an HTML fragment, one paragraph per block element, blank line between blocks. */
export function blocksToText(root: Node): string {
  const paras: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/[ \t\r\n\f\u00A0]+/g, ' ').trim();
    if (t) paras.push(t);
    cur = '';
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      cur += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    if (name === 'BR') {
      flush();
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    for (const c of n.childNodes) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return paras.join('\n\n');
}

function text(el: El | null | undefined): string | null {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

function meta(document: El, ...keys: string[]): string | null {
  for (const k of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = document.querySelector(`meta[${attr}="${k}"]`);
      const v = el?.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return null;
}

interface LdArticle {
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
  url?: string;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|ScholarlyArticle|LiveBlogPosting|WebPage)$/;

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => Boolean(x));
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return ((v as { name: string }).name).trim();
  return undefined;
}

/** The best article object among a page's JSON-LD blocks. */
export function jsonLdArticle(document: El): LdArticle | null {
  let best: { score: number; ld: LdArticle } | null = null;
  const visit = (node: unknown, depth: number) => {
    if (depth > 6 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    if (o['@graph']) visit(o['@graph'], depth + 1);
    const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
    if (types.some((t) => ARTICLE_TYPES.test(t))) {
      const ld: LdArticle = {
        headline: typeof o.headline === 'string' ? o.headline : typeof o.name === 'string' ? o.name : undefined,
        datePublished: typeof o.datePublished === 'string' ? o.datePublished : typeof o.dateCreated === 'string' ? o.dateCreated : undefined,
        author: nameOf(o.author),
        publisher: nameOf(o.publisher),
        url: typeof o.url === 'string' ? o.url : typeof o.mainEntityOfPage === 'string' ? o.mainEntityOfPage : nameOfId(o.mainEntityOfPage),
      };
      const score = (types.some((t) => t !== 'WebPage') ? 2 : 0) + (ld.datePublished ? 1 : 0);
      if (!best || score > best.score) best = { score, ld };
    }
  };
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    const raw = s.textContent;
    if (!raw || raw.length > 1_000_000) continue;
    try {
      visit(JSON.parse(raw.trim()), 0);
    } catch {
      /* a broken JSON-LD block is ignored */
    }
  }
  return (best as { ld: LdArticle } | null)?.ld ?? null;
}

function nameOfId(v: unknown): string | undefined {
  if (v && typeof v === 'object' && typeof (v as { '@id'?: unknown })['@id'] === 'string') return (v as { '@id': string })['@id'];
  return undefined;
}

function hostOutlet(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Canonical URL of a page, ignoring a canonical link that points at a site's home page. */
function canonicalOf(document: El, pageUrl: string | null, ldUrl: string | undefined): string | null {
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    meta(document, 'og:url'),
    ldUrl,
  ];
  for (const c of candidates) {
    const u = normalizeUrl(c ?? null, pageUrl ?? undefined);
    if (!u) continue;
    const path = new URL(u).pathname;
    const pagePath = pageUrl ? new URL(pageUrl).pathname : null;
    if (path === '/' && pagePath !== '/') continue;
    return u;
  }
  return normalizeUrl(pageUrl);
}

/** Class or id of page furniture that Readability may keep: promos, sharing, newsletters, comments. */
const FURNITURE =
  /(^|[\s_-])(promo|promos|newsletter|newsletters|subscribe|subscription|signup|sign-up|paywall|share|sharing|social|related|recommended|more-stories|trending|most-read|mostread|popular|comments?|disqus|advert|advertisement|ad-slot|ad-container|ads|sponsored|outbrain|taboola|breadcrumbs?|cookie|consent|masthead|site-header|site-footer|sidebar|top-bar|topbar)($|[\s_-])/i;

/** Removes navigation, footers and page furniture that never hold the story. */
function stripFurniture(document: El): void {
  const doc = document as unknown as { querySelectorAll(sel: string): Iterable<El & { remove(): void; querySelector(sel: string): El | null }> };
  for (const el of [...doc.querySelectorAll('nav, footer, aside, form, iframe, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]')]) {
    if (!el.querySelector('article, h1, [itemprop="articleBody"]')) el.remove();
  }
  for (const el of [...doc.querySelectorAll('[class], [id]')]) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE') continue;
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!FURNITURE.test(label)) continue;
    if (el.querySelector('article, h1, [itemprop="articleBody"]')) continue;
    el.remove();
  }
}

/** Parses one HTML page into an article, or says why there is none. */
export function parsePage(html: string, pageUrl: string | null, source: string, hints: PageHints = {}): PageResult {
  if (!/<[a-z!]/i.test(html.slice(0, 65536))) return { ok: false, reason: 'malformed HTML: no markup found' };
  if (/\u0000/.test(html.slice(0, 8192))) return { ok: false, reason: 'binary data, not HTML' };
  let document: El;
  try {
    document = parseHTML(html).document as unknown as El;
  } catch (err) {
    return { ok: false, reason: `malformed HTML: ${(err as Error).message}` };
  }
  if (!document || !document.querySelector('body')) return { ok: false, reason: 'malformed HTML: no document body' };

  // Metadata first: Readability rewrites the document it reads.
  const ld = jsonLdArticle(document);
  const timeEl = document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]') ?? document.querySelector('time');
  const published =
    toIsoDate(ld?.datePublished) ??
    toIsoDate(meta(document, 'article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date')) ??
    toIsoDate(timeEl?.getAttribute('datetime') ?? null) ??
    toIsoDate(text(timeEl)) ??
    toIsoDate(hints.published ?? null);
  const canonicalUrl = canonicalOf(document, pageUrl, ld?.url);
  const metaTitle = ld?.headline ?? meta(document, 'og:title', 'twitter:title') ?? null;
  const outlet = ld?.publisher ?? meta(document, 'og:site_name', 'application-name') ?? null;
  const byline = ld?.author ?? meta(document, 'author', 'article:author', 'byl') ?? null;
  const docTitle = text(document.querySelector('title'));

  let parsed: ReturnType<Readability['parse']>;
  try {
    stripFurniture(document);
    parsed = new Readability(document as unknown as Document, { charThreshold: 250 }).parse();
  } catch (err) {
    return { ok: false, reason: `malformed HTML: ${(err as Error).message}` };
  }
  if (!parsed || !parsed.content) return { ok: false, reason: 'no article text found on the page' };
  const content = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document as unknown as El;
  const body = content.querySelector('body');
  const mainText = body ? blocksToText(body as unknown as Node) : '';
  if (mainText.replace(/\s+/g, ' ').trim().length < MIN_ARTICLE_CHARS) {
    return { ok: false, reason: 'no article text found on the page' };
  }
  const title = metaTitle ?? parsed.title ?? hints.title ?? docTitle ?? null;
  return {
    ok: true,
    article: {
      source,
      url: pageUrl,
      canonicalUrl,
      title: title ? title.replace(/\s+/g, ' ').trim() : null,
      byline: byline ?? parsed.byline?.replace(/\s+/g, ' ').trim() ?? null,
      outlet: outlet ?? parsed.siteName ?? hints.outlet ?? hostOutlet(canonicalUrl ?? pageUrl),
      published: published ?? toIsoDate(parsed.publishedTime ?? null),
      text: mainText,
    },
  };
}
