/** Analysing a pasted text or a fetched page for the analyze page and `POST /api/analyze`. */
import { analyze } from '../index.js';
import type { Analysis } from '../extract/types.js';
import { parsePage } from '../ingest/html.js';
import { charsetOf, decodeText, InputError, kindFromContent } from '../ingest/sniff.js';
import type { ArticleInput } from '../store/store.js';
import { HttpError } from './schemas.js';
import { BlockedAddressError, FetchError, safeFetch, type Resolver } from './safe-fetch.js';

export interface AnalyzeRequest {
  text?: string | undefined;
  url?: string | undefined;
  title?: string | undefined;
  outlet?: string | undefined;
  published?: string | undefined;
}

export interface AnalyzeSettings {
  allowPrivate: boolean;
  fetchTimeoutMs?: number;
  resolver?: Resolver;
}

export interface Analysed {
  article: ArticleInput;
  analysis: Analysis;
}

/** Reads the article (fetching the URL if given) and extracts its quotes; throws HttpError on bad input. */
export async function analyzeRequest(req: AnalyzeRequest, settings: AnalyzeSettings): Promise<Analysed> {
  let article: ArticleInput;
  if (req.url !== undefined) {
    article = await fetchArticle(req.url, settings);
  } else {
    const text = (req.text ?? '').replace(/\r\n?/g, '\n');
    if (!text.trim()) throw new HttpError(400, 'invalid request: text: must not be empty');
    article = { source: 'analyze', text };
  }
  if (req.title) article.title = req.title;
  if (req.outlet) article.outlet = req.outlet;
  if (req.published) article.published = req.published;
  const analysis = analyze(article.text, { published: article.published ?? undefined, url: article.url ?? undefined });
  return { article, analysis };
}

async function fetchArticle(url: string, settings: AnalyzeSettings): Promise<ArticleInput> {
  let fetched;
  try {
    fetched = await safeFetch(url, {
      allowPrivate: settings.allowPrivate,
      timeoutMs: settings.fetchTimeoutMs ?? 15_000,
      ...(settings.resolver ? { resolver: settings.resolver } : {}),
    });
  } catch (err) {
    if (err instanceof BlockedAddressError) throw new HttpError(403, `url: ${err.message}`);
    if (err instanceof FetchError) throw new HttpError(502, `url: could not fetch ${url}: ${err.message}`);
    throw err;
  }
  let body: string;
  try {
    body = decodeText(fetched.body, charsetOf(fetched.contentType, fetched.body));
  } catch (err) {
    if (err instanceof InputError) throw new HttpError(422, `url: ${fetched.url} is ${err.message}`);
    throw err;
  }
  const type = (fetched.contentType ?? '').toLowerCase();
  if (type.startsWith('text/plain')) return { source: fetched.url, url: fetched.url, canonicalUrl: fetched.url, text: body };
  if (type.includes('html') || kindFromContent(body) === 'html') {
    const page = parsePage(body, fetched.url, fetched.url);
    if (!page.ok) throw new HttpError(422, `url: ${fetched.url}: ${page.reason}`);
    return page.article;
  }
  throw new HttpError(422, `url: ${fetched.url} is not an HTML page or plain text (${fetched.contentType ?? 'no content type'})`);
}
