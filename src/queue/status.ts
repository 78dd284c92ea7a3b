/** The queue's state for `onrecord status`: job counts, the workers' article counters, failed jobs with their reasons. */
import { statsKey, type IngestQueue } from './connection.js';

export interface QueueStatus {
  queue: string;
  /** Jobs waiting for a worker (including retries waiting out their backoff: `delayed`). */
  waiting: number;
  delayed: number;
  active: number;
  /** Jobs done since the queue was created (done jobs leave Redis; this is the count). */
  done: number;
  failed: number;
  articles: { added: number; duplicates: number; quotes: number; failed: number };
  failedJobs: { id: string; input: string; reason: string; attempts: number; failedAt: string | null }[];
}

export async function queueStatus(queue: IngestQueue, name: string, failedToList = 20): Promise<QueueStatus> {
  const counts = await queue.getJobCounts('waiting', 'prioritized', 'paused', 'delayed', 'active', 'failed');
  const metrics = await queue.getMetrics('completed');
  const client = await queue.client;
  const raw = await client.hgetall(statsKey(name));
  const n = (k: string) => Number(raw[k] ?? 0) || 0;
  const failedJobs = failedToList > 0 ? await queue.getFailed(0, failedToList - 1) : [];
  return {
    queue: name,
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.paused ?? 0) + (counts.delayed ?? 0),
    delayed: counts.delayed ?? 0,
    active: counts.active ?? 0,
    done: Number(metrics.meta.count) || 0,
    failed: counts.failed ?? 0,
    articles: { added: n('added'), duplicates: n('duplicates'), quotes: n('quotes'), failed: n('failed') },
    failedJobs: failedJobs
      .filter((j) => j)
      .map((j) => ({
        id: String(j.id),
        input: j.data?.input ?? '(unknown)',
        reason: j.failedReason ?? '',
        attempts: j.attemptsMade,
        failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
      })),
  };
}
