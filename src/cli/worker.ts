/**
 * `onrecord worker --queue redis://... --db postgres://... [--concurrency N] [--until-idle]`:
 * does the jobs `ingest --queue` put on the queue. SIGTERM (or Ctrl-C) finishes the jobs in
 * hand and stops; a second one exits at once.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { Fetcher } from '../ingest/fetch.js';
import { DEFAULT_QUEUE_NAME } from '../queue/connection.js';
import { runWorker } from '../queue/worker.js';
import { isPostgresUrl } from '../store/index.js';
import { dbOption, formatOption, openOrExit, out } from './record-output.js';

export function intArg(name: string, min: number) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer of at least ${min}`);
    return n;
  };
}

export function queueOption(required: boolean): Option {
  const o = new Option('--queue <url>', 'the work queue: a redis://HOST:PORT[/DB] URL').env('ONRECORD_QUEUE');
  return required ? o.makeOptionMandatory() : o;
}

export function queueNameOption(): Option {
  return new Option('--queue-name <name>', 'name of the queue (several record pipelines can share one Redis)').default(DEFAULT_QUEUE_NAME);
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('do the ingest jobs on a work queue (see `ingest --queue`), storing into the record')
    .addOption(queueOption(true))
    .addOption(queueNameOption())
    .addOption(dbOption())
    .option('--concurrency <n>', 'jobs in hand at once', intArg('--concurrency', 1), 4)
    .option('--threads <n>', 'extraction threads (0: on the worker\'s own thread; run one worker per core)', intArg('--threads', 0), 0)
    .option('--until-idle', 'exit once nothing is waiting, delayed or being worked on')
    .option('--lock-ms <ms>', 'how long a job stays claimed by a worker that stopped answering before another takes it', intArg('--lock-ms', 1000), 30000)
    .option('--timeout <ms>', 'timeout of one HTTP request', intArg('--timeout', 1), 20000)
    .option('--per-host <n>', 'requests at once to one host', intArg('--per-host', 1), 2)
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(async (opts: {
      queue: string; queueName: string; db: string; concurrency: number; threads: number; untilIdle?: boolean; lockMs: number;
      timeout: number; perHost: number; format: string;
    }) => {
      if (!isPostgresUrl(opts.db)) {
        process.stderr.write(`onrecord: note: --db ${opts.db} is a SQLite file; workers on other machines cannot share it (use a postgres:// URL)\n`);
      }
      const store = openOrExit(opts.db, false);
      try {
        // Fail before taking any job when the record cannot be opened.
        await store.stats();
        const summary = await runWorker({
          queueUrl: opts.queue,
          queueName: opts.queueName,
          store,
          concurrency: opts.concurrency,
          threads: opts.threads,
          fetcher: new Fetcher({ timeoutMs: opts.timeout, perHost: opts.perHost }),
          untilIdle: Boolean(opts.untilIdle),
          lockMs: opts.lockMs,
          reportMs: 5000,
        });
        if (opts.format === 'json') await out(JSON.stringify(summary, null, 2) + '\n');
        else {
          await out(
            `worker done in ${summary.seconds.toFixed(1)}s: ${summary.jobs} jobs (${summary.failedJobs} failed), ${summary.articles} articles: ` +
              `${summary.added} added (${summary.quotes} quotes), ${summary.duplicates} already stored, ${summary.failedArticles} failed\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}
