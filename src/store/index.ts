/** Opening the record's store. Today SQLite; a `postgres://` URL is where a PostgreSQL backend will plug in. */
import { existsSync } from 'node:fs';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export type { Store } from './store.js';
export * from './store.js';

export const DEFAULT_DB = 'onrecord.db';

export class StoreOpenError extends Error {}

/**
 * Opens the store at `location` (a file path). With `mustExist`, a missing file is an error
 * rather than a new empty record (queries should not create databases).
 */
export function openStore(location: string = DEFAULT_DB, options: { mustExist?: boolean } = {}): Store {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new StoreOpenError('PostgreSQL is not supported yet: only SQLite files (--db FILE)');
  }
  if (options.mustExist && !existsSync(location)) {
    throw new StoreOpenError(`no record at ${location} (run \`onrecord ingest --db ${location} ...\` first)`);
  }
  return openSqliteStore(location);
}
