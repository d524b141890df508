import type { Config } from '@licensync/core/config';
import type { RedisConnection } from '@licensync/core/queues';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface LicenseRateLimits {
  /** Null when allowed; else the seconds to wait. Both counts are one round trip to Redis. */
  consume(ip: string, key: string): Promise<number | null>;
}

/**
 * The counts in one script, atomically: INCR each key, start its window on the first hit, and
 * answer each count with the time left. One EVALSHA per call instead of one per limit.
 */
const COUNT_ALL = `
local out = {}
for i = 1, #KEYS do
  local n = redis.call('INCR', KEYS[i])
  local ttl = redis.call('PTTL', KEYS[i])
  if n == 1 or ttl < 0 then
    redis.call('PEXPIRE', KEYS[i], ARGV[1])
    ttl = tonumber(ARGV[1])
  end
  out[#out + 1] = n
  out[#out + 1] = ttl
end
return out`;

type CountingRedis = RedisConnection & {
  licenseRateCount(numberOfKeys: number, ...keysThenWindowMs: (string | number)[]): Promise<number[]>;
};

/**
 * Per address and per key (license key or user email) counts in Redis, shared by every api
 * process. While Redis is away the counts are kept in memory instead, so an outage neither locks
 * every app out nor lifts the limit. Once over, a name is refused from memory for the rest of its
 * window: a flood costs Redis nothing. Keys are counted before they are looked up, so guessing
 * costs the same whether a key exists.
 */
export function createLicenseRateLimits(deps: { config: Config; redis: RedisConnection }): LicenseRateLimits {
  const { config } = deps;
  const windowMs = config.LICENSE_API_RATE_WINDOW_S * 1000;
  // One hash slot for all of them (a Redis Cluster runs a script's keys on one node).
  const prefix = `${config.QUEUE_PREFIX}:{license-rate}`;
  const redis = deps.redis as CountingRedis;
  if (typeof redis.licenseRateCount !== 'function') {
    redis.defineCommand('licenseRateCount', { lua: COUNT_ALL });
  }
  const limits = { ip: config.LICENSE_API_RATE_PER_IP, key: config.LICENSE_API_RATE_PER_KEY };
  const insurance = {
    ip: new RateLimiterMemory({ points: limits.ip, duration: config.LICENSE_API_RATE_WINDOW_S }),
    key: new RateLimiterMemory({ points: limits.key, duration: config.LICENSE_API_RATE_WINDOW_S }),
  };
  const blocked = new Map<string, number>();
  const blockedFor = (name: string, now: number): number | null => {
    const until = blocked.get(name);
    if (until === undefined) return null;
    if (until > now) return until - now;
    blocked.delete(name);
    return null;
  };
  const block = (name: string, ms: number, now: number) => {
    if (blocked.size >= 100_000) blocked.clear();
    blocked.set(name, now + ms);
  };
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  const fromMemory = async (ip: string, key: string) => {
    const results = await Promise.allSettled([insurance.ip.consume(ip), insurance.key.consume(key)]);
    const waits = results.map((r) =>
      r.status === 'rejected' && r.reason instanceof RateLimiterRes ? seconds(r.reason.msBeforeNext) : null,
    );
    const over = waits.filter((s): s is number => s !== null);
    return over.length > 0 ? Math.max(...over) : null;
  };
  const limitOf = (name: string) => (name.startsWith('ip:') ? limits.ip : limits.key);
  return {
    async consume(ip, key) {
      const now = Date.now();
      // A name already over is refused from memory; the other is still counted.
      const names = [`ip:${ip}`, `key:${key}`];
      const held = names.map((n) => blockedFor(n, now));
      const toCount = names.filter((_, i) => held[i] === null);
      let wait = Math.max(0, ...held.map((h) => h ?? 0));
      if (toCount.length === 0) return seconds(wait);
      let counts: number[];
      try {
        counts = await redis.licenseRateCount(
          toCount.length,
          ...toCount.map((n) => `${prefix}:${n}`),
          windowMs,
        );
      } catch {
        const memoryWait = await fromMemory(ip, key);
        return memoryWait === null && wait === 0 ? null : Math.max(memoryWait ?? 0, seconds(wait));
      }
      toCount.forEach((name, i) => {
        const [count, ttl] = [counts[2 * i] ?? 0, counts[2 * i + 1] ?? windowMs];
        if (count <= limitOf(name)) return;
        block(name, ttl, now);
        wait = Math.max(wait, ttl);
      });
      return wait > 0 ? seconds(wait) : null;
    },
  };
}
