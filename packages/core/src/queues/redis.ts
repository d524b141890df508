import { Redis, type RedisOptions } from 'ioredis';

/**
 * `worker` connections block on Redis and must retry forever (BullMQ requires
 * maxRetriesPerRequest: null). `producer` connections fail fast instead, so an api request is not
 * held hostage by a Redis outage: the inbox row is already safe and the relay enqueues it later.
 */
export function createRedis(url: string, role: 'worker' | 'producer'): Redis {
  const opts: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null }
      : {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2000,
          retryStrategy: (n) => Math.min(n * 200, 2000),
        };
  const redis = new Redis(url, opts);
  // Connection errors surface through the commands that fail; an unhandled 'error' would crash.
  redis.on('error', () => {});
  return redis;
}
