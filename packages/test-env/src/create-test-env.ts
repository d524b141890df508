import { randomBytes } from 'node:crypto';
import { type Config, loadConfig } from '@licensync/core/config';
import { createLogger, type Logger } from '@licensync/core/logging';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { createTestDatabase, TEST_REDIS_URL } from './test-database';

export interface TestEnv {
  config: Config;
  logger: Logger;
  /** Removes this file's database and BullMQ keys. */
  cleanup(): Promise<void>;
}

/**
 * One isolated environment per test file: its own database (copied from the template) and its
 * own BullMQ prefix, so files run in parallel without seeing each other's rows or jobs.
 */
export async function createTestEnv(overrides: Record<string, string> = {}): Promise<TestEnv> {
  const db = await createTestDatabase(inject('templateDb'));
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    PORT: '0',
    // A spawned worker process must not collide with another on the default port.
    WORKER_PORT: '0',
    JOB_BACKOFF_MS: '50',
    JOB_ATTEMPTS: '3',
    RELAY_INTERVAL_MS: '200',
    RELAY_MIN_AGE_MS: '300',
    ...overrides,
  });
  return {
    config,
    logger: createLogger({ level: config.LOG_LEVEL, name: 'test' }),
    async cleanup() {
      await db.drop();
      await deleteKeys(TEST_REDIS_URL, `${prefix}:*`);
    },
  };
}

async function deleteKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
