import type { RedisConnection } from '../queues/redis';

/** A HubSpot record associated with a deal, with the name a card shows for it. */
export interface DealRecord {
  id: string;
  name: string;
}

/** A deal's associated contacts and companies as the worker last read them from HubSpot. */
export interface DealAssociations {
  contacts: DealRecord[];
  companies: DealRecord[];
  /** Epoch ms of the read. */
  readAt: number;
  /**
   * How many records of each type the deal has in HubSpot (`contacts`/`companies` hold only the
   * first ones); absent in a read cached before totals were kept: then the lists are the total.
   */
  totals?: { contacts: number; companies: number };
}

export type CachedDeal = { associations: DealAssociations; fresh: boolean };

export interface DealAssociationsCacheOptions {
  redis: RedisConnection;
  /** Key prefix, e.g. the BullMQ prefix; the api and the worker must use the same. */
  prefix: string;
  /** How long a read is fresh, in ms (HUBSPOT_DEAL_CACHE_TTL_MS). */
  ttlMs: number;
  /** How long an outdated read is kept to be shown as stale, in ms (HUBSPOT_DEAL_CACHE_STALE_MS). */
  staleMs: number;
}

/**
 * The short-lived copy of deal associations that lets a deal card answer without calling HubSpot.
 * The worker writes it (`put`, or `markPaused` when the portal's limiter holds calls back); the
 * api only reads it. Keys are persisted by name: both sides build them here and nowhere else.
 */
export function createDealAssociationsCache(opts: DealAssociationsCacheOptions) {
  const dealKey = (workspaceId: string, dealId: string) =>
    `${opts.prefix}:deal-cards:${workspaceId}:${dealId}`;
  const pausedKey = (workspaceId: string) => `${opts.prefix}:deal-cards:${workspaceId}:paused`;
  return {
    async get(workspaceId: string, dealId: string, now = Date.now()): Promise<CachedDeal | null> {
      const raw = await opts.redis.get(dealKey(workspaceId, dealId));
      if (!raw) return null;
      const associations = JSON.parse(raw) as DealAssociations;
      return { associations, fresh: now - associations.readAt < opts.ttlMs };
    },
    async put(workspaceId: string, dealId: string, associations: DealAssociations): Promise<void> {
      await opts.redis.set(
        dealKey(workspaceId, dealId),
        JSON.stringify(associations),
        'PX',
        Math.max(opts.ttlMs, opts.staleMs),
      );
    },
    /** Epoch ms until which the workspace's portal is paused, or null: no read is worth queuing before. */
    async pausedUntil(workspaceId: string): Promise<number | null> {
      const raw = await opts.redis.get(pausedKey(workspaceId));
      const until = raw === null ? Number.NaN : Number(raw);
      return Number.isFinite(until) && until > Date.now() ? until : null;
    },
    async markPaused(workspaceId: string, untilMs: number): Promise<void> {
      const ms = Math.ceil(untilMs - Date.now());
      if (ms > 0) await opts.redis.set(pausedKey(workspaceId), String(untilMs), 'PX', ms);
    },
  };
}

export type DealAssociationsCache = ReturnType<typeof createDealAssociationsCache>;
