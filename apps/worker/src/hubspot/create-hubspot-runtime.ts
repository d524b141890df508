import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import { createDealAssociationsCache } from '@licensync/core/deals';
import type { Logger } from '@licensync/core/logging';
import type { Metrics } from '@licensync/core/metrics';
import { createRedis } from '@licensync/core/queues';
import type { SecretBox } from '@licensync/core/secrets';
import { createHubspotMetrics, createPortalRateLimiter } from '@licensync/hubspot';
import { createPortalSessions } from '../../../../packages/hubspot/src/create-portal-sessions';
import { createTokenRefresher } from './refresh-hubspot-token';

export type HubspotRuntime = ReturnType<typeof createHubspotRuntime>;

/**
 * What every HubSpot call of this process shares: the metrics, the per-portal rate limiter (on a
 * Redis connection of its own, so its Lua calls never wait behind blocking BullMQ commands) and
 * one session per connection.
 */
export function createHubspotRuntime(deps: {
  config: Config;
  db: Db;
  logger: Logger;
  metrics: Metrics;
  secrets: SecretBox;
}) {
  const { config } = deps;
  const logger = deps.logger.child({ component: 'hubspot-sync' });
  const metrics = createHubspotMetrics(deps.metrics);
  const limiterRedis = createRedis(config.REDIS_URL, 'worker', config.REDIS_CLUSTER_NODES);
  const limiter = createPortalRateLimiter({
    redis: limiterRedis,
    prefix: config.QUEUE_PREFIX,
    maxPer10s: config.HUBSPOT_MAX_REQUESTS_PER_10S,
    searchPerSecond: config.HUBSPOT_SEARCH_PER_SECOND,
  });
  const portals = createPortalSessions({
    db: deps.db,
    config,
    logger,
    metrics,
    limiter,
    secrets: deps.secrets,
  });
  const refresher = createTokenRefresher({
    config,
    db: deps.db,
    redis: limiterRedis,
    secrets: deps.secrets,
    logger,
  });
  // What deal cards read: the api reads this cache and never calls HubSpot itself.
  const dealCache = createDealAssociationsCache({
    redis: limiterRedis,
    prefix: config.QUEUE_PREFIX,
    ttlMs: config.HUBSPOT_DEAL_CACHE_TTL_MS,
    staleMs: config.HUBSPOT_DEAL_CACHE_STALE_MS,
  });
  return {
    logger,
    refresher,
    dealCache,
    metrics,
    limiter,
    portals,
    secrets: deps.secrets,
    close: async () => {
      await limiterRedis.quit();
    },
  };
}
