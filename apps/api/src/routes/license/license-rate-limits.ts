import type { Config } from '@licensync/core/config';
import type { RedisConnection } from '@licensync/core/queues';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface LicenseRateLimits {
  /** Null when allowed; else the seconds to wait. Both counts are taken in one round trip each, in parallel. */
  consume(ip: string, key: string): Promise<number | null>;
}

/**
 * Per address and per key (license key or user email) counts in Redis, shared by every api
 * process. rate-limiter-flexible does each count as one atomic Lua INCR+PEXPIRE, and its
 * insurance limiter counts in memory while Redis is away, so an outage neither locks every app
 * out nor lifts the limit. Keys are counted before they are looked up, so guessing costs the same
 * whether a key exists.
 */
export function createLicenseRateLimits(deps: { config: Config; redis: RedisConnection }): LicenseRateLimits {
  const { config, redis } = deps;
  const limiter = (name: string, points: number) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.QUEUE_PREFIX}:license-rate:${name}`,
      points,
      duration: config.LICENSE_API_RATE_WINDOW_S,
      insuranceLimiter: new RateLimiterMemory({ points, duration: config.LICENSE_API_RATE_WINDOW_S }),
      // Once over, a key is refused from memory for the window: a flood costs Redis nothing.
      inMemoryBlockOnConsumed: points + 1,
      inMemoryBlockDuration: config.LICENSE_API_RATE_WINDOW_S,
    });
  const perIp = limiter('ip', config.LICENSE_API_RATE_PER_IP);
  const perKey = limiter('key', config.LICENSE_API_RATE_PER_KEY);
  const retryAfter = (result: PromiseSettledResult<unknown>) =>
    result.status === 'rejected' && result.reason instanceof RateLimiterRes
      ? Math.max(1, Math.ceil(result.reason.msBeforeNext / 1000))
      : null;
  return {
    async consume(ip, key) {
      const results = await Promise.allSettled([perIp.consume(ip), perKey.consume(key)]);
      const waits = results.map(retryAfter).filter((s): s is number => s !== null);
      return waits.length > 0 ? Math.max(...waits) : null;
    },
  };
}
