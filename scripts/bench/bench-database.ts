import { createRedis, databaseUrl, runMigrations, TEST_REDIS_URL, withAdmin } from './bench-deps';

/** A scratch database of its own (never the app's), created fresh and migrated. */
export async function createBenchDatabase(name: string): Promise<string> {
  await dropBenchDatabase(name);
  await withAdmin((c) => c.query(`create database "${name}"`));
  const url = databaseUrl(name);
  await runMigrations(url);
  return url;
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
