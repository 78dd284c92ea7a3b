/**
 * The store backends the shared store tests run against: SQLite always, PostgreSQL when
 * ONRECORD_TEST_PG names a server where tests may create throwaway databases. Without it the
 * PostgreSQL tests skip with the reason, except under CI (CI set), where they fail instead:
 * .ci/run starts the servers, so a missing variable there is a broken setup, not a choice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/store.js';

export const PG_URL = process.env.ONRECORD_TEST_PG || '';
export const REDIS_URL = process.env.ONRECORD_TEST_REDIS || '';
const IN_CI = Boolean(process.env.CI);

/**
 * The `skip` option for a test that needs the service in `envVar`: false (run it) when the
 * variable is set or under CI (where the test then fails on the missing variable), else the
 * reason it is skipped.
 */
export function needs(envVar: 'ONRECORD_TEST_PG' | 'ONRECORD_TEST_REDIS'): false | string {
  if (process.env[envVar] || IN_CI) return false;
  return `${envVar} is not set (source .ci/services to start throwaway servers)`;
}

/** The value of a service variable, or a failure naming it (under CI, where nothing skips). */
export function serviceUrl(envVar: 'ONRECORD_TEST_PG' | 'ONRECORD_TEST_REDIS'): string {
  const v = process.env[envVar];
  if (!v) throw new Error(`${envVar} is not set: CI must start PostgreSQL and Redis (.ci/services)`);
  return v;
}

/** A fresh, empty PostgreSQL database; `drop` removes it (closing other sessions first). */
export async function throwawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = serviceUrl('ONRECORD_TEST_PG');
  const name = 'onrecord_t_' + randomBytes(6).toString('hex');
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const u = new URL(admin);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export interface OpenedStore {
  store: Store;
  /** Where it is: a SQLite file path or a postgres:// URL (for CLI runs against it). */
  location: string;
  done: () => Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  skip: false | string;
  /** A fresh empty record. */
  open(): Promise<OpenedStore>;
  /** A fresh location with nothing in it yet (for commands that create the record). */
  location(): Promise<{ location: string; done: () => Promise<void> }>;
}

export const sqliteBackend: Backend = {
  name: 'sqlite',
  skip: false,
  async location() {
    const dir = mkdtempSync(join(tmpdir(), 'onrecord-store-'));
    return { location: join(dir, 'test.db'), done: async () => rmSync(dir, { recursive: true, force: true }) };
  },
  async open() {
    const { location, done } = await this.location();
    const store = openSqliteStore(location);
    return {
      store,
      location,
      done: async () => {
        store.closeSync();
        await done();
      },
    };
  },
};

export const postgresBackend: Backend = {
  name: 'postgres',
  skip: needs('ONRECORD_TEST_PG'),
  async location() {
    const { url, drop } = await throwawayDatabase();
    return { location: url, done: drop };
  },
  async open() {
    const { url, drop } = await throwawayDatabase();
    const store = openPostgresStore(url);
    return {
      store,
      location: url,
      done: async () => {
        await store.close();
        await drop();
      },
    };
  },
};

export const backends: Backend[] = [sqliteBackend, postgresBackend];
