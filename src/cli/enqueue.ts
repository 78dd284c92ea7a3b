/** `onrecord ingest --queue redis://... INPUT...`: the inputs become jobs for `onrecord worker`. */
import { Command } from 'commander';
import { openQueue, type IngestQueue } from '../queue/connection.js';
import { enqueue, type EnqueueSummary } from '../queue/enqueue.js';
import { openStore, type Store } from '../store/index.js';
import { out } from './record-output.js';
import { intArg, queueNameOption, queueOption } from './worker.js';

export interface EnqueueCliOptions {
  queue?: string;
  queueName: string;
  batch: number;
  attempts: number;
  backoffMs: number;
  db: string;
  format: string;
}

export function addQueueOptions(cmd: Command): void {
  cmd
    .addOption(queueOption(false))
    .addOption(queueNameOption())
    .option('--batch <n>', 'with --queue: JSONL articles or WARC pages per job', intArg('--batch', 1), 50)
    .option('--attempts <n>', 'with --queue: tries per job before it lands in the failed set', intArg('--attempts', 1), 5)
    .option('--backoff-ms <ms>', 'with --queue: wait before the first retry (doubling each time)', intArg('--backoff-ms', 0), 2000);
}

export function enqueueText(s: EnqueueSummary, queue: string): string {
  const lines = [
    `queued ${s.items} item${s.items === 1 ? '' : 's'} in ${s.jobs} job${s.jobs === 1 ? '' : 's'} in ${s.seconds.toFixed(1)}s on ${queue}` +
      (s.duplicates ? `; ${s.duplicates} article(s) already in the record passed over` : '') +
      `; ${s.failed.length} failed`,
  ];
  if (s.ignored.length) lines.push(`${s.ignored.length} file(s) in directories passed over (not an input kind), e.g. ${s.ignored[0]}`);
  if (s.failed.length) {
    lines.push(`failed inputs (${s.failed.length}):`);
    for (const f of s.failed) lines.push(`  ${f.input}: ${f.reason}`);
  }
  return lines.join('\n') + '\n';
}

/** Exit status as `ingest`'s: 2 when some input was bad (the rest is queued), 1 when the queue or record cannot be reached. */
export async function enqueueCommand(inputs: string[], opts: EnqueueCliOptions, dbGiven: boolean): Promise<void> {
  let queue: IngestQueue | undefined;
  // The record is only read (to pass over articles it has), and only when named.
  let store: Store | undefined;
  try {
    queue = await openQueue(opts.queue!, opts.queueName);
    if (dbGiven) {
      store = openStore(opts.db, { mustExist: false });
      await store.stats();
    }
    const summary = await enqueue(inputs, {
      queue,
      ...(store ? { store } : {}),
      batch: opts.batch,
      attempts: opts.attempts,
      backoffMs: opts.backoffMs,
    });
    await out(opts.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : enqueueText(summary, opts.queueName));
    process.exitCode = summary.failed.length ? 2 : 0;
  } finally {
    await store?.close();
    await queue?.close();
  }
}
