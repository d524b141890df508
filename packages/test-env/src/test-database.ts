import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where tests find Postgres and Redis; CI and dev machines run both locally. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Migrated once per test run by the global setup; every test file copies it. */
export const TEMPLATE_DB_PREFIX = 'licensync_tpl_';
export const TEST_DB_PREFIX = 'licensync_t_';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, copied from the migrated template (much faster than
 * migrating each time). Drop it with the returned function.
 */
export async function createTestDatabase(
  template: string,
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = stampedName(TEST_DB_PREFIX);
  await withAdmin(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database "${name}" template "${template}"`);
        return;
      } catch (err) {
        // Two files copying the template at the same instant: Postgres refuses one; try again.
        if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return {
    url: databaseUrl(name),
    name,
    drop: () =>
      withAdmin(async (c) => void (await c.query(`drop database if exists "${name}" with (force)`))),
  };
}

/**
 * `<prefix><unix seconds>_<random>`: the stamp lets a later run drop leftovers by age without
 * touching the databases of a run going on at the same time.
 */
export function stampedName(prefix: string): string {
  return `${prefix}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
}

/** Unix seconds a stamped name was made at, or undefined for other names. */
export function stampOf(name: string): number | undefined {
  const match = /_(\d{10})_[0-9a-f]{8}$/.exec(name);
  return match ? Number(match[1]) : undefined;
}
