import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Config } from '../../src/config/env-schema';
import { loadConfig } from '../../src/config/load-config';
import { createLogger, type Logger } from '../../src/logging/create-logger';
import { createMigratedDatabase } from './scratch-database';

export interface CoreTestEnv {
  config: Config;
  logger: Logger;
  /** Drops the database and this env's BullMQ keys. */
  cleanup(): Promise<void>;
}

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * What @licensync/test-env's createTestEnv gives the apps' tests, for core's own tests (which cannot
 * depend on test-env: it builds on core): a migrated database of its own and a BullMQ prefix.
 */
export async function createCoreTestEnv(): Promise<CoreTestEnv> {
  const db = await createMigratedDatabase();
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    JOB_BACKOFF_MS: '50',
    JOB_ATTEMPTS: '3',
  });
  return {
    config,
    logger: createLogger({ level: 'silent', name: 'test' }),
    async cleanup() {
      await db.drop();
      const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
      try {
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    },
  };
}
