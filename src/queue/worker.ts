/**
 * A worker process: takes jobs from the queue (BullMQ), does them against the store, and
 * reports. Delivery is at least once: a job whose worker dies (SIGKILL, a lost machine) goes
 * back to the queue once its lock expires and another worker does it again, and since every
 * write is idempotent (an article stored once, whoever stores it) nothing is stored twice.
 */
import { MetricsTime, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Store } from '../store/store.js';
import { Fetcher } from '../ingest/fetch.js';
import { createPool, type WorkPool } from '../ingest/pool.js';
import { openQueue, PREFIX, readyOrFail, redisOptions, statsKey, type IngestQueue } from './connection.js';
import type { JobData, JobOutcome, UrlJob } from './jobs.js';
import { processJob } from './process.js';

export interface WorkerOptions {
  queueUrl: string;
  queueName: string;
  store: Store;
  /** Jobs in hand at once. */
  concurrency: number;
  /** Extraction threads; 0 extracts on the worker's own thread (one worker process per core). */
  threads: number;
  fetcher?: Fetcher;
  /** Exit once nothing is waiting, delayed or active. */
  untilIdle: boolean;
  /** How long a job stays claimed by a worker that stopped answering before another takes it. */
  lockMs: number;
  log?: (line: string) => void;
  /** Progress lines this often (0: none). */
  reportMs?: number;
}

export interface WorkerSummary {
  jobs: number;
  failedJobs: number;
  articles: number;
  added: number;
  duplicates: number;
  quotes: number;
  failedArticles: number;
  seconds: number;
  /** CPU time of this process (all its threads), for throughput per core. */
  cpuSeconds: number;
}

/** Longest failure reason kept on a job (the failed set is for people to read). */
const MAX_REASON = 2000;

function reasonOf(outcome: JobOutcome): string {
  const lines = outcome.failures.map((f) => `${f.source}: ${f.reason}`);
  const head = outcome.articles > 1 ? `${outcome.failures.length} of ${outcome.articles} failed: ` : '';
  const text = head + lines.join('; ');
  return text.length > MAX_REASON ? text.slice(0, MAX_REASON - 1) + '…' : text;
}

/**
 * Runs until SIGTERM/SIGINT (finishing the jobs in hand first) or, with `untilIdle`, until the
 * queue is empty. Resolves with what this worker did.
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const log = options.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const started = Date.now();
  const summary: WorkerSummary = { jobs: 0, failedJobs: 0, articles: 0, added: 0, duplicates: 0, quotes: 0, failedArticles: 0, seconds: 0, cpuSeconds: 0 };
  const cpu0 = process.cpuUsage();
  const queue: IngestQueue = await openQueue(options.queueUrl, options.queueName, false);
  const redis = await queue.client;
  const pool: WorkPool = createPool(options.threads);
  const fetcher = options.fetcher ?? new Fetcher();
  const key = statsKey(options.queueName);
  redis.defineCommand('onrecordCount', {
    numberOfKeys: 1,
    lua: "for i = 1, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end return 1",
  });
  let inHand = 0;

  const processor = async (job: Job<JobData, JobOutcome, string>): Promise<JobOutcome> => {
    inHand++;
    try {
      const outcome = await processJob(job.data, {
        store: options.store,
        pool,
        fetcher,
        enqueueUrls: async (jobs: UrlJob[]) => {
          await queue.addBulk(jobs.map((data) => ({ name: data.kind, data })));
        },
      });
      const failedNow = outcome.failures.filter((f) => f.permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)).length;
      summary.articles += outcome.articles;
      summary.added += outcome.added;
      summary.duplicates += outcome.duplicates;
      summary.quotes += outcome.quotes;
      summary.failedArticles += failedNow;
      // Counters for `status`: what was stored by whom is in the store; these say how it went.
      await redis.runCommand('onrecordCount', [
        key, 'added', outcome.added, 'duplicates', outcome.duplicates, 'quotes', outcome.quotes, 'failed', failedNow,
      ]);
      if (outcome.failures.length) {
        const reason = reasonOf(outcome);
        // Transient trouble: throw to retry with backoff (articles stored meanwhile are skipped
        // next time). Only permanent failures: straight to the failed set, no retries.
        if (outcome.failures.some((f) => !f.permanent)) throw new Error(reason);
        throw new UnrecoverableError(reason);
      }
      return outcome;
    } finally {
      inHand--;
    }
  };

  const worker = new Worker<JobData, JobOutcome, string>(options.queueName, processor, {
    connection: redisOptions(options.queueUrl, false),
    prefix: PREFIX,
    concurrency: options.concurrency,
    lockDuration: options.lockMs,
    stalledInterval: options.lockMs,
    // A job whose worker died twice in a row is retried once more, then failed with the reason.
    maxStalledCount: 2,
    // Per-minute counts of done jobs (and their total, which `status` reports as done).
    metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
    autorun: false,
  });
  worker.on('error', (err) => log(`worker: ${err.message}`));
  worker.on('stalled', (jobId) => log(`worker: job ${jobId} was abandoned by a worker that stopped answering; back on the queue`));
  worker.on('completed', () => {
    summary.jobs++;
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (final) {
      summary.failedJobs++;
      log(`worker: job ${job.id} (${job.data.input}) failed: ${err.message}`);
    } else {
      log(`worker: job ${job.id} (${job.data.input}) will be retried (attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1}): ${err.message}`);
    }
  });
  await readyOrFail(worker.waitUntilReady(), options.queueUrl);

  // Stop on SIGTERM/SIGINT, or when idle with --until-idle; a second signal exits at once.
  let requested = false;
  let requestStop!: (why: string) => void;
  const stopRequest = new Promise<string>((resolve) => (requestStop = resolve));
  const onSignal = (sig: NodeJS.Signals) => {
    if (requested) {
      log(`worker: second ${sig}, exiting now (jobs in hand go back to the queue when their lock expires)`);
      process.exit(130);
    }
    requested = true;
    requestStop(sig);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  let last = { articles: 0, at: Date.now() };
  const reporter =
    options.reportMs && options.reportMs > 0
      ? setInterval(() => {
          if (summary.articles === last.articles && inHand === 0) return;
          const now = Date.now();
          const rate = ((summary.articles - last.articles) * 1000) / Math.max(1, now - last.at);
          last = { articles: summary.articles, at: now };
          log(
            `worker: ${summary.jobs} jobs, ${summary.articles} articles (${summary.added} added, ${summary.duplicates} already stored, ` +
              `${summary.failedArticles} failed), ${rate.toFixed(1)} articles/s`,
          );
        }, options.reportMs)
      : null;

  let idleTimer: NodeJS.Timeout | null = null;
  if (options.untilIdle) {
    let quiet = 0;
    const check = async () => {
      try {
        const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused');
        const pending = Object.values(c).reduce((a, b) => a + b, 0);
        quiet = pending === 0 && inHand === 0 ? quiet + 1 : 0;
        // Twice in a row: a job taken between the two reads of one check cannot slip through.
        if (quiet >= 2) {
          requested = true;
          requestStop('');
          return;
        }
      } catch {
        quiet = 0;
      }
      idleTimer = setTimeout(() => void check(), 250);
    };
    idleTimer = setTimeout(() => void check(), 250);
  }

  const running = worker.run();
  const why = await stopRequest;
  if (why) log(`worker: ${why}: finishing ${inHand} job(s) in hand, taking no more`);
  // close() waits for the jobs in hand to finish and stores their outcome.
  await worker.close();
  await running.catch(() => undefined);
  if (idleTimer) clearTimeout(idleTimer);
  if (reporter) clearInterval(reporter);
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  await pool.close();
  await queue.close();
  summary.seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  summary.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return summary;
}
