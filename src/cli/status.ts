/** `onrecord status --queue redis://...`: waiting, active, done and failed jobs, with the failed ones' reasons. */
import { Command } from 'commander';
import { openQueue } from '../queue/connection.js';
import { queueStatus, type QueueStatus } from '../queue/status.js';
import { formatOption, out, table, truncate } from './record-output.js';
import { intArg, queueNameOption, queueOption } from './worker.js';

export function statusText(s: QueueStatus): string {
  const lines = [
    table(
      ['queue', 'waiting', 'active', 'done', 'failed'],
      [[s.queue, s.waiting, s.active, s.done, s.failed]],
      ['l', 'r', 'r', 'r', 'r'],
    ).trimEnd(),
  ];
  if (s.delayed) lines.push(`(${s.delayed} of the waiting jobs are retries waiting out their backoff)`);
  lines.push(
    `articles: ${s.articles.added} added (${s.articles.quotes} quotes), ${s.articles.duplicates} already stored, ${s.articles.failed} failed`,
  );
  if (s.failedJobs.length) {
    lines.push(`failed jobs (${s.failed}${s.failed > s.failedJobs.length ? `, latest ${s.failedJobs.length}` : ''}):`);
    for (const j of s.failedJobs) lines.push(`  ${truncate(j.input, 60)}: ${truncate(j.reason, 160)}`);
  }
  return lines.join('\n') + '\n';
}

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('the work queue: jobs waiting, active, done and failed (with reasons)')
    .addOption(queueOption(true))
    .addOption(queueNameOption())
    .option('--failed <n>', 'failed jobs listed with their reasons', intArg('--failed', 0), 20)
    .addOption(formatOption(['table', 'json'], 'table'))
    .action(async (opts: { queue: string; queueName: string; failed: number; format: string }) => {
      const queue = await openQueue(opts.queue, opts.queueName);
      try {
        const s = await queueStatus(queue, opts.queueName, opts.failed);
        await out(opts.format === 'json' ? JSON.stringify(s, null, 2) + '\n' : statusText(s));
      } finally {
        await queue.close();
      }
    });
}
