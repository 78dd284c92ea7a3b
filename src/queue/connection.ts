/**
 * The work queue's Redis connection and names. One queue (BullMQ, default name `ingest`) holds
 * the jobs; a hash beside it counts what the workers did with the articles.
 */
import { Queue, type ConnectionOptions } from 'bullmq';
import type { JobData } from './jobs.js';

export class QueueOpenError extends Error {}

export const DEFAULT_QUEUE_NAME = 'ingest';
/** Key prefix of everything onrecord keeps in Redis. */
export const PREFIX = 'onrecord';

export function isRedisUrl(s: string): boolean {
  return /^rediss?:\/\//i.test(s);
}

/** The URL without its password, for messages. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Connection options from a `redis://[user:password@]host[:port][/db]` URL (`rediss://` for
 * TLS). `failFast`: give up after a few seconds when nobody answers (commands), instead of
 * reconnecting for ever (workers, which must ride out a Redis restart).
 */
export function redisOptions(url: string, failFast: boolean): ConnectionOptions {
  if (!isRedisUrl(url)) throw new QueueOpenError(`--queue must be a redis:// or rediss:// URL, not ${JSON.stringify(url)}`);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new QueueOpenError(`--queue: not a valid URL: ${JSON.stringify(url)}`);
  }
  const db = u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new QueueOpenError(`--queue: the path must be a database number, not ${JSON.stringify(u.pathname)}`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    connectTimeout: 5000,
    retryStrategy: failFast ? (times: number) => (times > 3 ? null : 250 * times) : (times: number) => Math.min(200 * times, 5000),
  };
}

/** Resolves once `ready()` does, or fails with a clear message after `ms`. */
export async function readyOrFail(ready: Promise<unknown>, url: string, ms = 8000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ready,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer')), ms);
      }),
    ]);
  } catch (err) {
    throw new QueueOpenError(`cannot connect to Redis at ${redactRedisUrl(url)}: ${(err as Error).message || String(err)}`);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export type IngestQueue = Queue<JobData, unknown, string>;

/** The queue, connected (or a QueueOpenError). */
export async function openQueue(url: string, name: string, failFast = true): Promise<IngestQueue> {
  const queue: IngestQueue = new Queue<JobData, unknown, string>(name, { connection: redisOptions(url, failFast), prefix: PREFIX });
  // Connection errors surface through readyOrFail (and are retried by ioredis); unobserved
  // 'error' events must not crash the process.
  queue.on('error', () => undefined);
  try {
    await readyOrFail(queue.waitUntilReady(), url);
  } catch (err) {
    await queue.disconnect().catch(() => undefined);
    throw err;
  }
  return queue;
}

/** Redis hash of article counters kept by the workers (jobs count only jobs). */
export function statsKey(name: string): string {
  return `${PREFIX}:${name}:articles`;
}
