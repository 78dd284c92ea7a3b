/**
 * Doing one job: parse pages, extract quotations, store articles (each atomic, already-stored
 * ones skipped before extraction, so a redelivered job only does what was not committed).
 *
 * Failures are sorted by whether trying again can help. A page without article text, a 404, an
 * extractor crash on some text: the same input fails the same way, so it is permanent. A
 * timeout, a 5xx, a store that went away: transient, worth a retry with backoff. One broken
 * article never stops the others of its job.
 */
import { articleTextHash } from '../store/normalize.js';
import type { ArticleInput, ArticleToStore, Store } from '../store/store.js';
import { parseFeed } from '../ingest/feed.js';
import type { Fetcher } from '../ingest/fetch.js';
import type { PageHints } from '../ingest/html.js';
import type { WorkPool } from '../ingest/pool.js';
import { charsetOf, decodeText, InputError, kindFromContent, looksBinary } from '../ingest/sniff.js';
import { emptyOutcome, type JobData, type JobOutcome, type UrlJob } from './jobs.js';

export interface ProcessContext {
  store: Store;
  pool: WorkPool;
  fetcher: Fetcher;
  /** Puts URL jobs (a feed's items) on the queue. */
  enqueueUrls(jobs: UrlJob[]): Promise<void>;
}

/** Fetch failures that another try may not repeat: timeouts, refused connections, 5xx, 429. */
export function isTransientFetchError(reason: string): boolean {
  return /timeout|connection failed|fetch failed|HTTP (5\d\d|429|408)\b/i.test(reason);
}

export async function processJob(data: JobData, ctx: ProcessContext): Promise<JobOutcome> {
  const out = emptyOutcome();
  const ready: ArticleToStore[] = [];
  const fail = (source: string, reason: string, permanent: boolean) => {
    out.failures.push({ source, reason, permanent });
    out.articles++;
  };

  const article = async (a: ArticleInput): Promise<void> => {
    let textHash: string;
    try {
      textHash = articleTextHash(a.text);
      if ((await ctx.store.findArticle({ canonicalUrl: a.canonicalUrl ?? null, textHash })) !== null) {
        out.duplicates++;
        out.articles++;
        return;
      }
    } catch (err) {
      fail(a.source, `store error: ${(err as Error).message}`, false);
      return;
    }
    try {
      const task: { text: string; id?: string; url?: string; published?: string; textHash: string } = { text: a.text, textHash };
      if (a.externalId) task.id = a.externalId;
      if (a.url ?? a.canonicalUrl) task.url = (a.url ?? a.canonicalUrl)!;
      if (a.published) task.published = a.published;
      // Extraction and the store's keys, both on the extraction thread when there is one.
      ready.push({ article: a, extracted: await ctx.pool.extractForStore(task) });
    } catch (err) {
      fail(a.source, `extractor failed: ${(err as Error).message}`, true);
    }
  };

  const page = async (html: string, url: string | null, source: string, hints: PageHints): Promise<void> => {
    let result;
    try {
      result = await ctx.pool.parse({ html, url, source, hints });
    } catch (err) {
      fail(source, `page parser failed: ${(err as Error).message}`, true);
      return;
    }
    if (!result.ok) fail(source, result.reason, true);
    else await article(result.article);
  };

  switch (data.kind) {
    case 'articles':
      for (const a of data.articles) await article(a);
      break;
    case 'pages':
      for (const p of data.pages) await page(p.html, p.url, p.source, p.hints ?? {});
      break;
    case 'url': {
      let res;
      try {
        res = await ctx.fetcher.fetch(data.url);
      } catch (err) {
        const reason = (err as Error).message;
        fail(data.source, reason, err instanceof InputError ? !isTransientFetchError(reason) : false);
        break;
      }
      if (looksBinary(res.body)) {
        fail(data.source, `binary content (${res.contentType ?? 'no content type'}), not a page or feed`, true);
        break;
      }
      const body = decodeText(res.body, charsetOf(res.contentType, res.body));
      const ctype = (res.contentType ?? '').toLowerCase();
      const isFeed = /(rss|atom)\+xml|\/xml/.test(ctype) || (!/html/.test(ctype) && kindFromContent(body) === 'feed');
      if (!isFeed) {
        await page(body, res.url, data.source, data.hints);
        break;
      }
      if (data.depth > 0) {
        fail(data.source, 'feed item links to another feed, not a page', true);
        break;
      }
      let feed;
      try {
        feed = parseFeed(body, res.url);
      } catch (err) {
        out.failures.push({ source: data.source, reason: err instanceof InputError ? err.message : `malformed feed: ${(err as Error).message}`, permanent: true });
        break;
      }
      if (feed.items.length === 0) out.failures.push({ source: data.source, reason: 'feed has no items with links', permanent: true });
      const jobs = feed.items.map(
        (item): UrlJob => ({
          kind: 'url',
          input: `${item.url} (from ${data.source})`,
          url: item.url,
          source: `${item.url} (from ${data.source})`,
          hints: { title: item.title, published: item.published, outlet: feed.title },
          depth: data.depth + 1,
        }),
      );
      if (jobs.length) {
        await ctx.enqueueUrls(jobs);
        out.enqueued += jobs.length;
      }
      break;
    }
    default:
      throw new InputError(`unknown job kind ${JSON.stringify((data as { kind?: unknown }).kind)}`);
  }

  if (ready.length) {
    let results;
    try {
      results = await ctx.store.addArticles(ready);
    } catch (err) {
      results = ready.map(() => (err instanceof Error ? err : new Error(String(err))));
    }
    results.forEach((r, i) => {
      const source = ready[i]!.article.source;
      if (r instanceof Error) {
        // The store's own trouble (connection, lock timeout): the article may well go in next time.
        fail(source, `store error: ${r.message}`, false);
        return;
      }
      out.articles++;
      if (r.added) {
        out.added++;
        out.quotes += r.quotes;
      } else out.duplicates++;
    });
  }
  return out;
}
