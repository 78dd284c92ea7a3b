/**
 * `onrecord ingest [--db FILE] INPUT...`: pages, feeds, archives and article files into the record.
 *
 * Exit status: 0 when every input was ingested; 2 when some input was bad (each is listed with
 * its reason at the end; the rest is still ingested); 1 when the extractor or the store failed.
 */
import { Command, InvalidArgumentError } from 'commander';
import { Fetcher } from '../ingest/fetch.js';
import { DEFAULT_COMMIT_EVERY, ingest, type IngestSummary } from '../ingest/ingest.js';
import { defaultThreads } from '../ingest/pool.js';
import { autoProgress } from '../ingest/progress.js';
import { dbOption, formatOption, openOrExit, out } from './record-output.js';
import { addQueueOptions, enqueueCommand, type EnqueueCliOptions } from './enqueue.js';

function positiveInt(name: string, allowZero = false) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new InvalidArgumentError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer`);
    return n;
  };
}

export function summaryText(s: IngestSummary, db: string): string {
  const lines = [
    `ingested ${s.articles} article${s.articles === 1 ? '' : 's'} in ${s.seconds.toFixed(1)}s: ` +
      `${s.added} added (${s.quotes} quote${s.quotes === 1 ? '' : 's'}), ${s.duplicates} already stored, ` +
      `${s.failed.length} failed -> ${db}`,
  ];
  if (s.ignored.length) lines.push(`${s.ignored.length} file(s) in directories passed over (not an input kind), e.g. ${s.ignored[0]}`);
  if (s.failed.length) {
    lines.push(`failed inputs (${s.failed.length}):`);
    for (const f of s.failed) lines.push(`  ${f.input}: ${f.reason}`);
  }
  return lines.join('\n') + '\n';
}

export function registerIngest(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('ingest articles (.txt, .jsonl), HTML pages, RSS/Atom feeds and WARC archives, from files, directories or URLs, into the record')
    .argument('<inputs...>', 'files, directories or http(s) URLs')
    .addOption(dbOption())
    .option('--threads <n>', 'extraction worker threads (0: none, on the main thread)', positiveInt('--threads', true), defaultThreads())
    .option('--timeout <ms>', 'timeout of one HTTP request', positiveInt('--timeout'), 20000)
    .option('--max-bytes <n>', 'largest page or feed fetched', positiveInt('--max-bytes'), 10 * 1024 * 1024)
    .option('--max-redirects <n>', 'redirects followed per request', positiveInt('--max-redirects', true), 5)
    .option('--per-host <n>', 'requests at once to one host', positiveInt('--per-host'), 2)
    .option('--commit-every <n>', 'articles per commit (each still atomic on its own; 1: one commit per article)', positiveInt('--commit-every'), DEFAULT_COMMIT_EVERY)
    .option('--no-progress', 'no progress bar or progress lines')
    .addOption(formatOption(['text', 'json'], 'text'));
  addQueueOptions(cmd);
  cmd.action(async (inputs: string[], opts: {
      db: string; threads: number; commitEvery: number; timeout: number; maxBytes: number; maxRedirects: number; perHost: number; progress: boolean; format: string;
    } & EnqueueCliOptions) => {
      // With --queue the work goes on the queue for `onrecord worker` instead.
      if (opts.queue) return enqueueCommand(inputs, opts, cmd.getOptionValueSource('db') !== 'default');
      const store = openOrExit(opts.db, false);
      const fetcher = new Fetcher({ timeoutMs: opts.timeout, maxBytes: opts.maxBytes, maxRedirects: opts.maxRedirects, perHost: opts.perHost });
      let summary: IngestSummary;
      try {
        summary = await ingest(inputs, { store, threads: opts.threads, fetcher, commitEvery: opts.commitEvery, progress: autoProgress(opts.progress) });
      } finally {
        await store.close();
      }
      if (opts.format === 'json') await out(JSON.stringify(summary, null, 2) + '\n');
      else await out(summaryText(summary, opts.db));
      const inputFailures = summary.failed.length - summary.internalErrors;
      process.exitCode = inputFailures > 0 ? 2 : summary.internalErrors > 0 ? 1 : 0;
    });
}
