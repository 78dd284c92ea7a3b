/** `onrecord serve`: the web app and JSON API over the record. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { redactUrl, StoreOpenError, type StoreStats } from '../store/index.js';
import { buildServer } from '../web/server.js';
import { dbOption, openOrExit } from './record-output.js';

function portArg(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new InvalidArgumentError('--port must be a whole number from 0 to 65535');
  return n;
}

interface ServeOptions {
  db: string;
  port: number;
  host: string;
  allowPrivate: boolean;
  adminToken?: string;
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
    .action(async (opts: ServeOptions) => {
      if (opts.adminToken !== undefined && opts.adminToken.length < 8) {
        process.stderr.write('onrecord: --admin-token must be at least 8 characters\n');
        process.exitCode = 1;
        return;
      }
      const store = openOrExit(opts.db, false);
      const shown = redactUrl(opts.db);
      let stats: StoreStats;
      try {
        // A PostgreSQL store reports connection and schema errors on its first call.
        stats = await store.stats();
      } catch (err) {
        const reason = err instanceof StoreOpenError ? err.message : `cannot read ${shown}: ${(err as Error).message}`;
        process.stderr.write(`onrecord: ${reason}\n`);
        await store.close().catch(() => undefined);
        process.exitCode = 1;
        return;
      }
      const app = await buildServer({ store, allowPrivate: opts.allowPrivate, adminToken: opts.adminToken ?? null });
      let address: string;
      try {
        address = await app.listen({ port: opts.port, host: opts.host });
      } catch (err) {
        process.stderr.write(`onrecord: cannot listen on ${opts.host}:${opts.port}: ${(err as Error).message}\n`);
        await store.close();
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        `onrecord: serving ${shown} (${stats.articles} articles, ${stats.quotes} quotes) at ${address}/\n` +
          (opts.adminToken ? '  storing enabled with the admin token\n' : '') +
          (opts.allowPrivate ? '  analyze-by-URL may fetch private addresses (--allow-private)\n' : ''),
      );
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
