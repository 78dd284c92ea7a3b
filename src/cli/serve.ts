/** `onrecord serve`: the web app and JSON API over the record. */
import cluster from 'node:cluster';
import { Command, InvalidArgumentError, Option } from 'commander';
import { redactUrl, StoreOpenError, type StoreStats } from '../store/index.js';
import { isIP } from 'node:net';
import { buildServer, LOOPBACK_HOSTS } from '../web/server.js';
import { dbOption, openOrExit } from './record-output.js';

function portArg(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new InvalidArgumentError('--port must be a whole number from 0 to 65535');
  return n;
}

function workersArg(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > 64) throw new InvalidArgumentError('--workers must be a whole number from 1 to 64');
  return n;
}

interface ServeOptions {
  db: string;
  port: number;
  host: string;
  allowPrivate: boolean;
  adminToken?: string;
  workers: number;
}

/** What a worker process tells the primary once it listens (or why it could not). */
type WorkerMessage = { type: 'listening'; address: string; stats: StoreStats } | { type: 'failed'; message: string };

function banner(opts: ServeOptions, stats: StoreStats, address: string): string {
  return (
    `onrecord: serving ${redactUrl(opts.db)} (${stats.articles} articles, ${stats.quotes} quotes) at ${address}/\n` +
    (opts.workers > 1 ? `  ${opts.workers} server processes\n` : '') +
    (opts.adminToken ? '  storing enabled with the admin token\n' : '') +
    (opts.allowPrivate ? '  analyze-by-URL may fetch private addresses (--allow-private)\n' : '')
  );
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/** Opens the store and listens; returns the address, or null after reporting why not. */
async function startServer(opts: ServeOptions): Promise<{ address: string; stats: StoreStats; stop: () => Promise<void> } | string> {
  const store = openOrExit(opts.db, false);
  let stats: StoreStats;
  try {
    // A PostgreSQL store reports connection and schema errors on its first call.
    stats = await store.stats();
  } catch (err) {
    await store.close().catch(() => undefined);
    return err instanceof StoreOpenError ? err.message : `cannot read ${redactUrl(opts.db)}: ${(err as Error).message}`;
  }
  const app = await buildServer({
    store,
    allowPrivate: opts.allowPrivate,
    adminToken: opts.adminToken ?? null,
    ...(isLoopback(opts.host) ? { allowedHosts: [...LOOPBACK_HOSTS, opts.host] } : {}),
  });
  try {
    const address = await app.listen({ port: opts.port, host: opts.host });
    return {
      address,
      stats,
      stop: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    return `cannot listen on ${opts.host}:${opts.port}: ${(err as Error).message}`;
  }
}

/**
 * Several processes sharing one port (Node's cluster: the primary accepts connections and
 * hands them round) so that a busy server uses more than one core; each worker has its own
 * connection to the store.
 */
async function runPrimary(opts: ServeOptions): Promise<void> {
  const pending = new Set<number>();
  let first: { address: string; stats: StoreStats } | null = null;
  let stopping = false;
  for (let i = 0; i < opts.workers; i++) pending.add(cluster.fork().id);
  cluster.on('message', (worker, message: WorkerMessage) => {
    if (message.type === 'failed') {
      process.stderr.write(`onrecord: ${message.message}\n`);
      stopAll(1);
      return;
    }
    pending.delete(worker.id);
    first ??= message;
    if (pending.size === 0 && first) process.stdout.write(banner(opts, first.stats, first.address));
  });
  let alive = opts.workers;
  cluster.on('exit', (worker, code) => {
    alive--;
    if (!stopping) {
      process.stderr.write(`onrecord: server process ${worker.process.pid} exited (${code ?? 'signal'}); stopping\n`);
      stopAll(1);
    }
    if (stopping && alive === 0) process.exit(process.exitCode ?? 0);
  });
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    if (alive === 0) process.exit(code);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and JSON API over the record (127.0.0.1 only unless --host says otherwise)')
    .addOption(dbOption())
    .option('--port <n>', 'port to listen on (0: any free port)', portArg, 8080)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--allow-private', 'let analyze-by-URL fetch loopback, private and link-local addresses', false)
    .addOption(
      new Option('--admin-token <token>', 'token that requests storing articles must present (without it nothing is written)').env(
        'ONRECORD_ADMIN_TOKEN',
      ),
    )
    .option('--workers <n>', 'server processes sharing the port (one per core for a busy server)', workersArg, 1)
    .action(async (opts: ServeOptions) => {
      if (opts.adminToken !== undefined && opts.adminToken.length < 8) {
        process.stderr.write('onrecord: --admin-token must be at least 8 characters\n');
        process.exitCode = 1;
        return;
      }
      if (opts.workers > 1 && cluster.isPrimary) return runPrimary(opts);
      const started = await startServer(opts);
      if (typeof started === 'string') {
        if (cluster.isWorker) process.send?.({ type: 'failed', message: started } satisfies WorkerMessage);
        else process.stderr.write(`onrecord: ${started}\n`);
        process.exitCode = 1;
        return;
      }
      if (cluster.isWorker) process.send?.({ type: 'listening', address: started.address, stats: started.stats } satisfies WorkerMessage);
      else process.stdout.write(banner(opts, started.stats, started.address));
      const stop = async () => {
        await started.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
