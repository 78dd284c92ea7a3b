/**
 * `ingest --queue`: puts the work on the queue instead of doing it. Files are read here and
 * their content goes into the jobs (workers may run on other machines): a text or HTML file is
 * one job, a JSONL file's articles and a WARC file's pages go in batches, a feed file's items
 * become one URL job each, and a URL is a job the worker fetches (a feed it finds there is
 * turned into item jobs by the worker). Inputs that are bad as a whole (unreadable, binary, a
 * malformed feed or JSONL line) are reported here, as `ingest` reports them.
 */
import { readFile } from 'node:fs/promises';
import type { JobsOptions } from 'bullmq';
import { articleTextHash } from '../store/normalize.js';
import type { ArticleInput, Store } from '../store/store.js';
import { parseFeed } from '../ingest/feed.js';
import type { Failure } from '../ingest/ingest.js';
import { InputWalker } from '../ingest/inputs.js';
import { charsetOf, decodeText, InputError, looksBinary, type InputKind } from '../ingest/sniff.js';
import { fsReason, readJsonl, readTextArticle } from '../ingest/text.js';
import { readWarc } from '../ingest/warc.js';
import type { IngestQueue } from './connection.js';
import type { JobData, PagesJob } from './jobs.js';

export interface EnqueueOptions {
  queue: IngestQueue;
  /** When given, articles already in this record are not queued again. */
  store?: Store;
  /** Articles (JSONL) or pages (WARC) per job. */
  batch: number;
  /** Tries per job before it lands in the failed set. */
  attempts: number;
  /** First retry delay; each further retry waits twice as long. */
  backoffMs: number;
}

export interface EnqueueSummary {
  jobs: number;
  /** Articles, pages and URLs queued. */
  items: number;
  /** Articles passed over because the record has them already. */
  duplicates: number;
  failed: Failure[];
  ignored: string[];
  seconds: number;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** The job options every job gets: retries with exponential backoff; done jobs leave Redis. */
export function jobOptions(attempts: number, backoffMs: number): JobsOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: backoffMs },
    // Done jobs carry whole articles: drop them (the workers' counters and metrics keep count).
    // Failed jobs stay, with their reason, until someone looks.
    removeOnComplete: true,
    removeOnFail: false,
  };
}

export async function enqueue(inputs: string[], options: EnqueueOptions): Promise<EnqueueSummary> {
  const started = Date.now();
  const summary: EnqueueSummary = { jobs: 0, items: 0, duplicates: 0, failed: [], ignored: [], seconds: 0 };
  const opts = jobOptions(options.attempts, options.backoffMs);
  const walker = new InputWalker();
  let pending: JobData[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    const jobs = pending;
    pending = [];
    await options.queue.addBulk(jobs.map((data) => ({ name: data.kind, data, opts })));
    summary.jobs += jobs.length;
  };
  const push = async (job: JobData, items: number) => {
    pending.push(job);
    summary.items += items;
    if (pending.length >= 100) await flush();
  };
  const fail = (input: string, reason: string): void => {
    summary.failed.push({ input, reason });
  };

  /** Drops articles the record already has (re-running an ingest queues only what is new). */
  const fresh = async (articles: ArticleInput[]): Promise<ArticleInput[]> => {
    if (!options.store) return articles;
    const out: ArticleInput[] = [];
    for (const a of articles) {
      const found = await options.store.findArticle({ canonicalUrl: a.canonicalUrl ?? null, textHash: articleTextHash(a.text) });
      if (found === null) out.push(a);
      else summary.duplicates++;
    }
    return out;
  };

  const articlesJob = async (input: string, articles: ArticleInput[]) => {
    const todo = await fresh(articles);
    if (todo.length) await push({ kind: 'articles', input, articles: todo }, todo.length);
  };

  const file = async (path: string, kind: InputKind): Promise<void> => {
    switch (kind) {
      case 'text': {
        try {
          await articlesJob(path, [await readTextArticle(path)]);
        } catch (err) {
          fail(path, (err as Error).message);
        }
        return;
      }
      case 'jsonl': {
        let batch: ArticleInput[] = [];
        let first = 0;
        let last = 0;
        const lineOf = (source: string) => Number(source.slice(source.lastIndexOf(':') + 1));
        for await (const item of readJsonl(path)) {
          if (!item.ok) {
            fail(item.source, item.reason);
            continue;
          }
          if (batch.length === 0) first = lineOf(item.article.source);
          last = lineOf(item.article.source);
          batch.push(item.article);
          if (batch.length >= options.batch) {
            await articlesJob(`${path}:${first}-${last}`, batch);
            batch = [];
          }
        }
        if (batch.length) await articlesJob(first === last ? `${path}:${first}` : `${path}:${first}-${last}`, batch);
        return;
      }
      case 'html': {
        let buf: Buffer;
        try {
          buf = await readFile(path);
        } catch (err) {
          fail(path, fsReason(err));
          return;
        }
        if (looksBinary(buf)) {
          fail(path, 'binary file, not HTML');
          return;
        }
        await push({ kind: 'pages', input: path, pages: [{ html: decodeText(buf, charsetOf(null, buf)), url: null, source: path, hints: {} }] }, 1);
        return;
      }
      case 'feed': {
        let feed;
        try {
          const buf = await readFile(path);
          if (looksBinary(buf)) throw new InputError('binary file, not a feed');
          feed = parseFeed(decodeText(buf), null);
        } catch (err) {
          fail(path, err instanceof InputError ? err.message : (err as NodeJS.ErrnoException).code ? fsReason(err) : `malformed feed: ${(err as Error).message}`);
          return;
        }
        if (feed.items.length === 0) fail(path, 'feed has no items with links');
        else if (feed.skipped) fail(path, `${feed.skipped} feed item(s) without a usable link`);
        for (const item of feed.items) {
          const source = `${item.url} (from ${path})`;
          await push(
            { kind: 'url', input: source, url: item.url, source, hints: { title: item.title, published: item.published, outlet: feed.title }, depth: 1 },
            1,
          );
        }
        return;
      }
      case 'warc': {
        let batch: PagesJob['pages'] = [];
        const flushPages = async () => {
          if (!batch.length) return;
          const input = batch.length === 1 ? batch[0]!.source : `${batch[0]!.source} .. ${batch[batch.length - 1]!.source}`;
          await push({ kind: 'pages', input, pages: batch }, batch.length);
          batch = [];
        };
        for await (const item of readWarc(path)) {
          if (!item.ok) {
            fail(item.source, item.reason);
            continue;
          }
          batch.push({ html: item.html, url: item.url, source: item.source, hints: { published: item.date } });
          if (batch.length >= options.batch) await flushPages();
        }
        await flushPages();
        return;
      }
    }
  };

  for (const input of inputs) {
    if (isUrl(input)) await push({ kind: 'url', input, url: input, source: input, hints: {}, depth: 0 }, 1);
    else {
      for await (const e of walker.walk(input)) {
        if (e.type === 'file') await file(e.path, e.kind);
        else if (e.type === 'failed') fail(e.path, e.reason);
        else summary.ignored.push(e.path);
      }
    }
  }
  await flush();
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
