import type { Config } from '@licensync/core/config';
import { Redis } from 'ioredis';
import pg from 'pg';

/** Drops and recreates the demo database and deletes the demo's queue keys. */
export async function resetDemoStores(config: Config): Promise<void> {
  const target = new URL(config.DATABASE_URL);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(config.DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.QUEUE_PREFIX}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
