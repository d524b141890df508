import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createDb,
  createRedis,
  databaseUrl,
  ensureDefaultWorkspace,
  importCatalog,
  parseCatalogFile,
  runMigrations,
  TEST_REDIS_URL,
  withAdmin,
} from './bench-deps';

/** A scratch database of its own (never the app's), created fresh and migrated. */
export async function createBenchDatabase(name: string): Promise<string> {
  await dropBenchDatabase(name);
  await withAdmin((c) => c.query(`create database "${name}"`));
  const url = databaseUrl(name);
  await runMigrations(url);
  return url;
}

/** A migrated database with the default workspace and the example catalog, to copy runs from. */
export async function createCatalogTemplate(name: string, root: string): Promise<void> {
  const url = await createBenchDatabase(name);
  const handle = createDb(url, { max: 1 });
  try {
    const workspaceId = (await ensureDefaultWorkspace(handle.db)).id;
    const file = path.join(root, 'examples/catalog.yaml');
    const catalog = parseCatalogFile(await readFile(file, 'utf8'), 'catalog.yaml');
    await importCatalog({ db: handle.db, workspaceId, catalog });
  } finally {
    await handle.close();
  }
}

/** A fresh copy of `template` (much faster than migrating and seeding again). */
export async function cloneDatabase(template: string, name: string): Promise<string> {
  await dropBenchDatabase(name);
  await withAdmin((c) => c.query(`create database "${name}" template "${template}"`));
  return databaseUrl(name);
}

export async function dropBenchDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`drop database if exists "${name}" with (force)`));
}

/** Deletes the BullMQ keys a bench target left behind under `prefix`. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = createRedis(TEST_REDIS_URL, 'worker');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
