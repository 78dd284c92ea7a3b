/** Opening the record's store: a `postgres://` or `postgresql://` URL is PostgreSQL, anything else a SQLite file. */
import { existsSync } from 'node:fs';
import { StoreOpenError } from './errors.js';
import { isPostgresUrl, openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export type { Store } from './store.js';
export * from './store.js';
export { StoreOpenError } from './errors.js';
export { isPostgresUrl, redactUrl } from './postgres.js';

export const DEFAULT_DB = 'onrecord.db';

/**
 * Opens the store at `location` (a SQLite file path or a PostgreSQL URL). With `mustExist`, a
 * missing file (or a database without the record's tables) is an error rather than a new empty
 * record (queries should not create databases). A PostgreSQL store connects in the background:
 * connection and schema errors come out of its first call, as a StoreOpenError.
 */
export function openStore(location: string = DEFAULT_DB, options: { mustExist?: boolean } = {}): Store {
  if (isPostgresUrl(location)) return openPostgresStore(location, options);
  if (options.mustExist && !existsSync(location)) {
    throw new StoreOpenError(`no record at ${location} (run \`onrecord ingest --db ${location} ...\` first)`);
  }
  return openSqliteStore(location);
}
