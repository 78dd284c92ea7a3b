/**
 * `ingest`: reads any mix of inputs (text and JSONL articles, HTML pages from files or URLs,
 * RSS/Atom feeds, WARC archives, directories of them), extracts quotations on worker threads
 * and stores the articles in the order they were read, each one atomic (in group commits), so
 * the same inputs give the same record however the threads' work interleaves. An article already in the store is skipped
 * before extraction, so re-running a command only does the work that was not committed.
 * Bad inputs never stop the batch: each is recorded with its reason for the closing summary.
 */
import { readFile } from 'node:fs/promises';
import { articleTextHash } from '../store/normalize.js';
import type { AddResult, ArticleGroup, ArticleInput, ArticleToStore, PackedExtraction, Store } from '../store/store.js';
import { parseFeed } from './feed.js';
import { Fetcher } from './fetch.js';
import type { PageHints } from './html.js';
import { createPool, TASKS_PER_WORKER, type WorkPool } from './pool.js';
import { silentProgress, type Progress, type ProgressState } from './progress.js';
import { InputWalker } from './inputs.js';
import { charsetOf, decodeText, InputError, kindFromContent, looksBinary, type InputKind } from './sniff.js';
import { fsReason, readJsonl, readTextFile } from './text.js';
import { readWarc } from './warc.js';
import type { ExtractForStoreTask } from './worker.js';

export interface Failure {
  input: string;
  reason: string;
}

export interface IngestSummary {
  /** Articles handled (added, already stored or failed). */
  articles: number;
  added: number;
  duplicates: number;
  quotes: number;
  failed: Failure[];
  /** Failures that were the extractor's or the store's, not the input's. */
  internalErrors: number;
  /** Files in directories passed over because their kind is not an input kind. */
  ignored: string[];
  seconds: number;
}

export interface IngestOptions {
  store: Store;
  /** A pool to use (left open); otherwise one of `threads` workers is made and closed. */
  pool?: WorkPool;
  threads?: number;
  fetcher?: Fetcher;
  progress?: Progress;
  /** Articles in flight at once (parsing, extracting or storing). */
  concurrency?: number;
  /**
   * Group commit: up to this many extracted articles share one commit (each still atomic in its
   * own savepoint), flushed at the latest after `commitMs`. 1 commits every article on its own.
   */
  commitEvery?: number;
  commitMs?: number;
}

/**
 * Runs article-sized tasks, each with its slot (see `Run`), with bounded concurrency; producers
 * wait for room so memory stays bounded. `settled` hears of each task's end, whether it
 * succeeded or failed. (One callback a task, and no promise of its own around it: a task's
 * bookkeeping was half a dozen promises and closures an article on ingest's main thread.)
 */
class Limiter {
  private running = 0;
  private readonly queue: ((slot: number) => Promise<void>)[] = [];
  private readonly slots: number[] = [];
  private waiters: (() => void)[] = [];
  constructor(
    private readonly limit: number,
    private readonly settled: (slot: number) => void,
  ) {}
  get pending(): number {
    return this.running + this.queue.length;
  }
  push(task: (slot: number) => Promise<void>, slot: number): void {
    this.queue.push(task);
    this.slots.push(slot);
    this.pump();
  }
  async room(highWater: number): Promise<void> {
    while (this.pending >= highWater) await new Promise<void>((r) => this.waiters.push(r));
  }
  async idle(): Promise<void> {
    while (this.pending > 0) await new Promise<void>((r) => this.waiters.push(r));
  }
  private pump(): void {
    while (this.running < this.limit && this.queue.length) {
      const task = this.queue.shift()!;
      const slot = this.slots.shift()!;
      this.running++;
      // Bound, not a closure: see SHORT_LIVED below.
      const finished = this.finished.bind(this, slot);
      // (A task's failure is its own to report: here it only ends the task.)
      task(slot).then(finished, finished);
    }
  }
  private finished(slot: number): void {
    this.settled(slot);
    this.running--;
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
    this.pump();
  }
}

/**
 * Group commit defaults: each commit rewrites every index page the batch touched (quotation keys
 * and bands are random keys), so larger batches write far less per article (measured on the
 * bench's record: about 1.2 ms of the writer's time per article in commits of 250, 0.95 in
 * commits of 500, 0.8 in commits of 1,000). A crash loses at most the batch under way (here at
 * most 2 s of work), which a re-run completes.
 */
export const DEFAULT_COMMIT_EVERY = 1000;
export const DEFAULT_COMMIT_MS = 2000;

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/*
 * SHORT_LIVED: the callbacks made for each article (its task, its write, its count) are methods
 * bound to their arguments, not arrow functions. A closure made afresh for each article only lives
 * until its article is done, and V8 keeps a function's optimised code only while a closure of it
 * that has run is alive: every full collection of the main thread's heap (about seven in 10,000
 * articles) threw the code of each away, and each was compiled again (session 26). A method's one
 * function object lives as long as the class, and its code with it.
 */

class Run {
  readonly summary: IngestSummary = { articles: 0, added: 0, duplicates: 0, quotes: 0, failed: [], internalErrors: 0, ignored: [], seconds: 0 };
  private total = 0;
  private readonly limiter: Limiter;
  private readonly highWater: number;
  private readonly inputs = new InputWalker();
  private fetcherInstance: Fetcher | undefined;
  private readonly pendingWrites: { item: ArticleToStore; done: (r: AddResult | Error) => void }[] = [];
  /** The group commit being written, when the store writes groups as they fill. */
  private group: ArticleGroup | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly writes = new Set<Promise<unknown>>();
  /**
   * Writes wait for their turn: each article-sized task takes a slot in the order it is
   * scheduled, and its article is written only after those of every earlier slot (or their
   * failure). The writer groups people and near-identical quotations in the order it sees them,
   * so without this two runs over the same inputs could differ wherever extraction finished in
   * another order. `ready` holds the settled slots not yet written: a write to make, or null.
   */
  private nextSlot = 0;
  private nextToWrite = 0;
  private readonly ready = new Map<number, (() => void) | null>();
  private readyWaiters: (() => void)[] = [];
  private readonly readyMax: number;
  commitEvery = DEFAULT_COMMIT_EVERY;
  commitMs = DEFAULT_COMMIT_MS;

  constructor(
    private readonly store: Store,
    private readonly pool: WorkPool,
    private readonly progress: Progress,
    fetcher: Fetcher | undefined,
    concurrency: number,
  ) {
    this.fetcherInstance = fetcher;
    // A task that wrote nothing (failed, duplicate, not an article) settles its slot when it ends.
    this.limiter = new Limiter(concurrency, (slot) => this.settle(slot, null));
    this.highWater = concurrency * 2;
    // Articles finished behind a slow one wait in memory; past this many the reader waits too.
    this.readyMax = concurrency * 8;
  }

  private get fetcher(): Fetcher {
    return (this.fetcherInstance ??= new Fetcher());
  }

  state(): ProgressState {
    const s = this.summary;
    return { done: s.articles, total: Math.max(this.total, s.articles), added: s.added, duplicates: s.duplicates, failed: s.failed.length };
  }

  private tick(): void {
    this.progress.update(this.state());
  }

  /** A failed input that is not one article (a whole file, feed or archive). */
  private failInput(input: string, reason: string): void {
    this.summary.failed.push({ input, reason });
    this.tick();
  }

  /** A failed article: counts as handled. */
  private failArticle(input: string, reason: string, internal = false): void {
    this.summary.failed.push({ input, reason });
    this.summary.articles++;
    if (internal) this.summary.internalErrors++;
    this.tick();
  }

  /** Schedules one article-sized task, waiting for room first (back-pressure on the reader). */
  private async schedule(task: (slot: number) => Promise<void>): Promise<void> {
    await this.limiter.room(this.highWater);
    while (this.ready.size >= this.readyMax) await new Promise<void>((r) => this.readyWaiters.push(r));
    this.pushNow(task);
  }

  /** Schedules a task at once, in the next slot (from inside a running task, where waiting could deadlock). */
  private pushNow(task: (slot: number) => Promise<void>): void {
    this.total++;
    this.limiter.push(task, this.nextSlot++);
  }

  /** Settles a slot (once): its write runs when every earlier slot's has. */
  private settle(slot: number, write: (() => void) | null): void {
    if (slot < this.nextToWrite || this.ready.has(slot)) return;
    this.ready.set(slot, write);
    while (this.ready.has(this.nextToWrite)) {
      const next = this.ready.get(this.nextToWrite);
      this.ready.delete(this.nextToWrite++);
      next?.();
    }
    if (this.ready.size < this.readyMax && this.readyWaiters.length) {
      const w = this.readyWaiters;
      this.readyWaiters = [];
      for (const r of w) r();
    }
  }

  async run(inputs: string[]): Promise<void> {
    for (const input of inputs) {
      if (isUrl(input)) await this.schedule((slot) => this.url(input, input, {}, 0, slot));
      else {
        for await (const e of this.inputs.walk(input)) {
          if (e.type === 'file') await this.file(e.path, e.kind);
          else if (e.type === 'failed') this.failInput(e.path, e.reason);
          else this.summary.ignored.push(e.path);
        }
      }
    }
    await this.limiter.idle();
    await this.drain();
  }

  private async file(path: string, kind: InputKind): Promise<void> {
    switch (kind) {
      case 'text':
        await this.schedule(this.textFile.bind(this, path));
        return;
      case 'jsonl':
        for await (const item of readJsonl(path)) {
          if (item.ok) {
            await this.schedule(this.article.bind(this, item.article));
          } else if (item.source === path) this.failInput(path, item.reason);
          else this.failArticle(item.source, item.reason);
        }
        return;
      case 'html':
        await this.schedule(async (slot) => {
          let buf: Buffer;
          try {
            buf = await readFile(path);
          } catch (err) {
            this.failArticle(path, fsReason(err));
            return;
          }
          if (looksBinary(buf)) {
            this.failArticle(path, 'binary file, not HTML');
            return;
          }
          await this.page(decodeText(buf, charsetOf(null, buf)), null, path, {}, slot);
        });
        return;
      case 'feed': {
        let xml: string;
        try {
          const buf = await readFile(path);
          if (looksBinary(buf)) throw new InputError('binary file, not a feed');
          xml = decodeText(buf);
        } catch (err) {
          this.failInput(path, err instanceof InputError ? err.message : fsReason(err));
          return;
        }
        await this.feed(xml, path, null, 0);
        return;
      }
      case 'warc':
        for await (const item of readWarc(path)) {
          if (item.ok) {
            const { html, url, source, date } = item;
            await this.schedule((slot) => this.page(html, url, source, { published: date }, slot));
          } else this.failInput(item.source, item.reason);
        }
        return;
    }
  }

  /** A text file's task (in `slot`): read, hashed, and on to extraction unless stored already. */
  private async textFile(path: string, slot: number): Promise<void> {
    let file: { article: ArticleInput; textHash: string };
    try {
      file = readTextFile(path);
    } catch (err) {
      this.failArticle(path, (err as Error).message);
      return;
    }
    await this.article(file.article, slot, file.textHash);
  }

  /** Every item of a feed is fetched and ingested as a page. */
  private async feed(xml: string, source: string, baseUrl: string | null, depth: number, nested = false): Promise<void> {
    let feed;
    try {
      feed = parseFeed(xml, baseUrl);
    } catch (err) {
      const reason = err instanceof InputError ? err.message : `malformed feed: ${(err as Error).message}`;
      if (nested) this.failArticle(source, reason);
      else this.failInput(source, reason);
      return;
    }
    if (nested) {
      // The URL task that found this feed was counted as one article; it is not one.
      this.total--;
    }
    if (feed.items.length === 0) this.summary.failed.push({ input: source, reason: 'feed has no items with links' });
    else if (feed.skipped) this.summary.failed.push({ input: source, reason: `${feed.skipped} feed item(s) without a usable link` });
    for (const item of feed.items) {
      const hints: PageHints = { title: item.title, published: item.published, outlet: feed.title };
      if (nested) {
        // Inside a running task: push without waiting for room (waiting here could deadlock).
        this.pushNow((slot) => this.url(item.url, `${item.url} (from ${source})`, hints, depth + 1, slot));
      } else await this.schedule((slot) => this.url(item.url, `${item.url} (from ${source})`, hints, depth + 1, slot));
    }
  }

  private async url(url: string, source: string, hints: PageHints, depth: number, slot: number): Promise<void> {
    let res;
    try {
      res = await this.fetcher.fetch(url);
    } catch (err) {
      this.failArticle(source, (err as Error).message);
      return;
    }
    if (looksBinary(res.body)) {
      this.failArticle(source, `binary content (${res.contentType ?? 'no content type'}), not a page or feed`);
      return;
    }
    const body = decodeText(res.body, charsetOf(res.contentType, res.body));
    const ctype = (res.contentType ?? '').toLowerCase();
    const isFeed = /(rss|atom)\+xml|\/xml/.test(ctype) || (!/html/.test(ctype) && kindFromContent(body) === 'feed');
    if (isFeed) {
      if (depth > 0) {
        this.failArticle(source, 'feed item links to another feed, not a page');
        return;
      }
      await this.feed(body, source, res.url, depth, true);
      return;
    }
    await this.page(body, res.url, source, hints, slot);
  }

  private async page(html: string, url: string | null, source: string, hints: PageHints, slot: number): Promise<void> {
    let result;
    try {
      result = await this.pool.parse({ html, url, source, hints });
    } catch (err) {
      this.failArticle(source, `page parser failed: ${(err as Error).message}`, true);
      return;
    }
    if (!result.ok) {
      this.failArticle(source, result.reason);
      return;
    }
    await this.article(result.article, slot);
  }

  /** Queues one extracted article for the next group commit; `done` gets its result. */
  private write(item: ArticleToStore, done: (r: AddResult | Error) => void): void {
    if (this.commitEvery <= 1) {
      const p = this.store.addArticles([item]).then(
        (r) => done(r[0]!),
        (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
      );
      this.writes.add(p);
      void p.finally(() => this.writes.delete(p));
      return;
    }
    this.pendingWrites.push({ item, done });
    if (this.store.openGroup) {
      // Written now, committed with its group.
      (this.group ??= this.store.openGroup()).add(item);
    }
    if (this.pendingWrites.length >= this.commitEvery) void this.flush();
    else if (!this.flushTimer) this.flushTimer = setTimeout(() => void this.flush(), this.commitMs);
  }

  /** Commits what is queued and waits for every write under way. */
  async drain(): Promise<void> {
    await this.flush();
    while (this.writes.size) await Promise.all([...this.writes]);
  }

  async flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    // The same array kept (emptied): a new `[]` is another kind of array to V8 until its first
    // push, and the compiled write path, which inlines that push, was thrown away for it (session 24).
    const batch = this.pendingWrites.splice(0);
    if (batch.length === 0) return;
    const group = this.group;
    this.group = null;
    const p = (async () => {
      let results: (AddResult | Error)[];
      try {
        results = group ? group.commit() : await this.store.addArticles(batch.map((b) => b.item));
      } catch (err) {
        results = batch.map(() => (err instanceof Error ? err : new Error(String(err))));
      }
      for (let i = 0; i < batch.length; i++) batch[i]!.done(results[i]!);
    })();
    this.writes.add(p);
    try {
      await p;
    } finally {
      this.writes.delete(p);
    }
  }

  /** `knownHash`, when the caller has it, is `articleTextHash` of the article's text. */
  private async article(article: ArticleInput, slot: number, knownHash?: string): Promise<void> {
    let textHash: string;
    try {
      textHash = knownHash ?? articleTextHash(article.text, article.textUtf8);
      const key = { canonicalUrl: article.canonicalUrl ?? null, textHash };
      if ((this.store.findArticleSync ? this.store.findArticleSync(key) : await this.store.findArticle(key)) !== null) {
        this.summary.duplicates++;
        this.summary.articles++;
        this.tick();
        return;
      }
    } catch (err) {
      this.failArticle(article.source, `store error: ${(err as Error).message}`, true);
      return;
    }
    let extracted: PackedExtraction;
    try {
      const task: ExtractForStoreTask = { text: article.text, textHash };
      if (article.externalId) task.id = article.externalId;
      if (article.url ?? article.canonicalUrl) task.url = (article.url ?? article.canonicalUrl)!;
      if (article.published) task.published = article.published;
      extracted = await this.pool.extractForStore(task);
    } catch (err) {
      this.failArticle(article.source, `extractor failed: ${(err as Error).message}`, true);
      return;
    }
    // Not awaited: the write joins the next group commit (in its slot's turn), and the task's
    // place in the limiter goes to the next article.
    this.settle(slot, this.writeExtracted.bind(this, article, extracted));
  }

  /** An extracted article's write, made in its slot's turn. */
  private writeExtracted(article: ArticleInput, extracted: PackedExtraction): void {
    this.write({ article, extracted }, this.written.bind(this, article));
  }

  /** Counts an article's write once its group has committed. */
  private written(article: ArticleInput, r: AddResult | Error): void {
    if (r instanceof Error) {
      this.failArticle(article.source, `store error: ${r.message}`, true);
      return;
    }
    if (r.added) {
      this.summary.added++;
      this.summary.quotes += r.quotes;
    } else this.summary.duplicates++;
    this.summary.articles++;
    this.tick();
  }
}

export async function ingest(inputs: string[], options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const pool = options.pool ?? createPool(options.threads);
  const progress = options.progress ?? silentProgress();
  // Enough articles in flight to keep every worker's queue full while the main thread writes.
  const concurrency = Math.max(2, options.concurrency ?? Math.max(8, pool.threads * TASKS_PER_WORKER));
  const run = new Run(options.store, pool, progress, options.fetcher, concurrency);
  if (options.commitEvery !== undefined) run.commitEvery = options.commitEvery;
  if (options.commitMs !== undefined) run.commitMs = options.commitMs;
  try {
    await run.run(inputs);
  } finally {
    if (!options.pool) await pool.close();
    run.summary.seconds = (Date.now() - started) / 1000;
    progress.stop(run.state());
  }
  return run.summary;
}
