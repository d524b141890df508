import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureDatabase } from '../../src/db/ensure-database';
import { runMigrations } from '../../src/db/migrate';

// Core's tests cannot use @licensync/test-env: that package builds on core (config, schema,
// migrations), so depending on it from here would make a cycle. These are the two things core's own
// tests need. The name follows test-env's `licensync_t_<unix seconds>_<hex>`, so the global setup
// drops whatever a crashed run leaves behind.
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops the database if it exists. */
  drop(): Promise<void>;
}

/** A fresh name and URL on the test server; the database itself is not created. */
export function scratchDatabase(): ScratchDatabase {
  const name = `licensync_t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A new database with every migration applied. */
export async function createMigratedDatabase(): Promise<ScratchDatabase> {
  const db = scratchDatabase();
  await ensureDatabase(db.url);
  await runMigrations(db.url);
  return db;
}

/** Runs `fn` with a client of the test server's admin database, then closes it. */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
