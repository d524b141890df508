import { setTimeout as sleep } from 'node:timers/promises';
import { hubspotDailyRemainingKey } from '@licensync/core/connections';
import type { RedisConnection } from '@licensync/core/queues';
import { PortalPausedError } from './portal-paused-error';
import { TOKEN_BUCKET_LUA } from './token-bucket.lua';

export type HubspotCallKind = 'default' | 'search';

export interface PortalRateLimiterOptions {
  /** Keys are `<prefix>:hubspot-rate:…`: on a cluster the prefix's hash tag keeps them in one slot. */
  redis: RedisConnection;
  /** Key prefix, e.g. the BullMQ prefix; every process of one install must use the same. */
  prefix: string;
  /** Requests per portal per rolling 10 s (HubSpot: 100–250 depending on plan). */
  maxPer10s: number;
  /** Search requests per portal per second (HubSpot: 5, counted apart from the rest). */
  searchPerSecond: number;
  /**
   * Longest wait, in ms, `acquire` sleeps through (default 1,000); a longer one (the portal is
   * paused) throws `PortalPausedError` so the job frees its worker slot.
   */
  maxWaitMs?: number;
}

/**
 * A token bucket per portal (and one for its searches). HubSpot counts a rolling window, and a
 * full bucket plus a window's refill would allow capacity + rate × window: so the capacity is a
 * small burst and the rate is what is left, (max − burst) / window, keeping every window ≤ max.
 */
export function createPortalRateLimiter(opts: PortalRateLimiterOptions) {
  const buckets: Record<HubspotCallKind, { capacity: number; perMs: number }> = {
    default: bucket(opts.maxPer10s, 10_000),
    search: bucket(opts.searchPerSecond, 1_000),
  };
  const key = (portalId: string, part: string) => `${opts.prefix}:hubspot-rate:${portalId}:${part}`;
  const pauseKeys = (portalId: string, kind: HubspotCallKind) =>
    kind === 'search' ? [key(portalId, 'pause'), key(portalId, 'search-pause')] : [key(portalId, 'pause')];

  return {
    /**
     * Waits until the portal may make one more call of this kind; throws `PortalPausedError` when
     * that is more than `maxWaitMs` (default: the limiter's) away.
     */
    async acquire(
      portalId: string,
      kind: HubspotCallKind = 'default',
      maxWaitMs = opts.maxWaitMs ?? 1000,
    ): Promise<void> {
      const { capacity, perMs } = buckets[kind];
      const keys = [key(portalId, kind), ...pauseKeys(portalId, kind)];
      for (;;) {
        const wait = Number(await opts.redis.eval(TOKEN_BUCKET_LUA, keys.length, ...keys, capacity, perMs));
        if (wait <= 0) return;
        if (wait > maxWaitMs) throw new PortalPausedError(portalId, Date.now() + wait);
        // A slice at a time with jitter, so a long pause ending does not release every waiter at once.
        await sleep(Math.min(wait, 1000) + Math.floor(Math.random() * 20));
      }
    },
    /** Stops every process's calls to this portal for `ms` (after a 429), searches only for `search`. */
    async pause(portalId: string, ms: number, kind: HubspotCallKind = 'default'): Promise<void> {
      const k = key(portalId, kind === 'search' ? 'search-pause' : 'pause');
      await opts.redis.set(k, '1', 'PX', Math.max(1, Math.ceil(ms)));
      // The bucket restarts empty: a window that just overflowed must not get a burst on top.
      await opts.redis.hset(key(portalId, kind), 'tokens', '0');
    },
    /** Records HubSpot's remaining daily budget for the status page, until `ttlMs` (the daily reset). */
    async noteDailyRemaining(portalId: string, remaining: number, ttlMs: number): Promise<void> {
      await opts.redis.set(
        hubspotDailyRemainingKey(opts.prefix, portalId),
        String(remaining),
        'PX',
        Math.max(1, ttlMs),
      );
    },
  };
}

function bucket(max: number, windowMs: number) {
  const capacity = Math.max(1, Math.round(max * 0.05));
  const perWindow = Math.max(1, max - capacity);
  return { capacity, perMs: perWindow / windowMs };
}

export type PortalRateLimiter = ReturnType<typeof createPortalRateLimiter>;
