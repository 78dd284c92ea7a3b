/** Spreads page parsing and extraction over worker threads (piscina), or runs them inline. */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Analysis } from '../extract/types.js';
import type { PageResult } from './html.js';
import type { PackedExtraction } from '../store/store.js';
import type { ExtractForStoreTask, ExtractTask, ParseTask } from './worker.js';

export interface WorkPool {
  readonly threads: number;
  parse(task: ParseTask): Promise<PageResult>;
  extract(task: ExtractTask): Promise<Analysis>;
  /** Extraction and the store's per-article keys (see `prepareArticle`), both on the worker. */
  extractForStore(task: ExtractForStoreTask): Promise<PackedExtraction>;
  close(): Promise<void>;
}

/**
 * Node options of the workers: the process's own, with `require()` of ES modules turned off
 * where Node has it (20.19 and later). Piscina loads a task file with `require()` first; through
 * Node 20's require(esm) that once aborted a whole benchmark run with a V8 fatal error ("IsGraphAsync
 * must be used on an instantiated module"). With it off, `require()` fails at once and piscina
 * imports the module, as it does on older Nodes.
 */
export const WORKER_EXEC_ARGV: readonly string[] = process.allowedNodeEnvironmentFlags.has('--no-experimental-require-module')
  ? [...process.execArgv, '--no-experimental-require-module']
  : [...process.execArgv];

/**
 * Tasks handed to one worker at a time (it runs them one after the other). A piscina worker takes
 * every task waiting for it at once and looks for more only when it has run them all, and new ones
 * come from the main thread, which also writes the record. With 32, a group commit or a burst of
 * writes there left the workers without work: the two cores were busy 91 to 94% of an ingest of
 * news-shaped articles against 97 to 99% of raw extraction. With 128 (a few hundred milliseconds
 * of extraction each), 93 to 97%.
 */
export const TASKS_PER_WORKER = 128;

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** A pool of `threads` workers; 0 runs everything on the calling thread. */
export function createPool(threads = defaultThreads()): WorkPool {
  if (threads <= 0) {
    // Imported only here: the parsers and the extraction model are the workers' to load.
    const inline = import('./worker.js');
    return {
      threads: 0,
      parse: async (t) => (await inline).parse(t),
      extract: async (t) => (await inline).extract(t),
      extractForStore: async (t) => (await inline).extractForStore(t),
      close: async () => undefined,
    };
  }
  // Compiled layout: dist/src/ingest/pool.js beside dist/src/ingest/worker.js (under tsx, .ts beside .ts).
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const filename = new URL(`./worker${ext}`, import.meta.url).href;
  const pool = new Piscina({
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    execArgv: [...WORKER_EXEC_ARGV],
    // Several tasks queued on each worker, so that none waits for the main thread while it
    // writes a batch to the store.
    concurrentTasksPerWorker: TASKS_PER_WORKER,
  });
  return {
    threads,
    parse: (t) => pool.run(t, { name: 'parse' }) as Promise<PageResult>,
    extract: (t) => pool.run(t, { name: 'extract' }) as Promise<Analysis>,
    extractForStore: (t) => pool.run(t, { name: 'extractForStore' }) as Promise<PackedExtraction>,
    close: () => pool.destroy(),
  };
}
