/**
 * What a job on the queue carries. Jobs hold the input itself (article text, page HTML), not a
 * path, so that a worker on another machine can do them; only URLs are fetched by the worker.
 */
import type { ArticleInput } from '../store/store.js';
import type { PageHints } from '../ingest/html.js';

/** Articles read already (a `.txt` file, a batch of `.jsonl` lines). */
export interface ArticlesJob {
  kind: 'articles';
  /** What the job is, for the failed set: `a.jsonl:1-50`, `story.txt`. */
  input: string;
  articles: ArticleInput[];
}

/** HTML pages to parse (a page file, a batch of a WARC file's records). */
export interface PagesJob {
  kind: 'pages';
  input: string;
  pages: { html: string; url: string | null; source: string; hints: PageHints }[];
}

/** A URL to fetch: a page, or a feed whose items become URL jobs of their own. */
export interface UrlJob {
  kind: 'url';
  input: string;
  url: string;
  source: string;
  hints: PageHints;
  /** 0 for a URL given to ingest; 1 for a feed's item (which may not be another feed). */
  depth: number;
}

export type JobData = ArticlesJob | PagesJob | UrlJob;

/** What a worker reports for one job (also the job's return value in Redis). */
export interface JobOutcome {
  articles: number;
  added: number;
  duplicates: number;
  quotes: number;
  /** Jobs this one put on the queue (a feed's items). */
  enqueued: number;
  failures: { source: string; reason: string; permanent: boolean }[];
}

export function emptyOutcome(): JobOutcome {
  return { articles: 0, added: 0, duplicates: 0, quotes: 0, enqueued: 0, failures: [] };
}
