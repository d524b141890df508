import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '@licensync/core/config';
import { HubspotGrantRefusedError, refreshHubspotTokens } from '@licensync/core/connections';
import type { Db } from '@licensync/core/db';
import type { Logger } from '@licensync/core/logging';
import type { createRedis } from '@licensync/core/queues';
import * as schema from '@licensync/core/schema';
import type { SecretBox } from '@licensync/core/secrets';
import { getHubspotConnection, type HubspotConnection } from '@licensync/hubspot';
import { and, eq } from 'drizzle-orm';

type Redis = ReturnType<typeof createRedis>;

/** How long one process may hold the refresh lock of a connection. */
const LOCK_MS = 30_000;
// Deletes the lock only if it is still ours (it may have expired and been taken by another process).
const RELEASE =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export interface TokenRefresher {
  /** The connection with an access token valid for at least the margin; refreshes it once across all processes. */
  fresh(connection: HubspotConnection): Promise<HubspotConnection>;
}

/**
 * OAuth access tokens live 30 minutes: they are refreshed from `expires_at` (HubSpot: a 401 is no
 * reliable expiry signal), HUBSPOT_TOKEN_REFRESH_MARGIN_S ahead. One process refreshes under a
 * Redis lock; the others wait for the row to change. A refresh HubSpot refuses (revoked,
 * uninstalled) sets the connection `disconnected` with the reason, so its work stays parked.
 * Tokens are never logged.
 */
export function createTokenRefresher(deps: {
  config: Config;
  db: Db;
  redis: Redis;
  secrets: SecretBox;
  logger: Logger;
}): TokenRefresher {
  const { config, db, redis, secrets, logger } = deps;
  const marginMs = config.HUBSPOT_TOKEN_REFRESH_MARGIN_S * 1000;
  const isFresh = (c: HubspotConnection) =>
    c.authKind !== 'oauth' || !c.expiresAt || c.expiresAt.getTime() - Date.now() > marginMs;
  const app = () => {
    if (!config.HUBSPOT_CLIENT_ID || !config.HUBSPOT_CLIENT_SECRET)
      throw new HubspotGrantRefusedError('HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET are not set');
    return {
      clientId: config.HUBSPOT_CLIENT_ID,
      clientSecret: config.HUBSPOT_CLIENT_SECRET,
      apiBase: config.HUBSPOT_API_BASE ?? 'https://api.hubapi.com',
      version: config.HUBSPOT_OAUTH_TOKEN_VERSION,
    };
  };

  async function refreshUnderLock(connection: HubspotConnection): Promise<HubspotConnection> {
    const current = (await getHubspotConnection(db, connection.workspaceId)) ?? connection;
    if (isFresh(current) || current.status !== 'active' || !current.refreshToken) return current;
    try {
      const tokens = await refreshHubspotTokens(app(), secrets.open(current.refreshToken));
      const [row] = await db
        .update(schema.hubspotConnections)
        .set({
          accessToken: secrets.seal(tokens.accessToken),
          refreshToken: secrets.seal(tokens.refreshToken),
          expiresAt: tokens.expiresAt,
          updatedAt: new Date(),
        })
        .where(eq(schema.hubspotConnections.id, current.id))
        .returning();
      logger.info(
        { portalId: current.portalId, expiresAt: tokens.expiresAt },
        'HubSpot access token refreshed',
      );
      return row!;
    } catch (err) {
      if (!(err instanceof HubspotGrantRefusedError)) throw err;
      const reason = `HubSpot refused the refresh token (${err.message}); install the app again`;
      const [row] = await db
        .update(schema.hubspotConnections)
        .set({ status: 'disconnected', statusReason: reason, updatedAt: new Date() })
        .where(
          and(eq(schema.hubspotConnections.id, current.id), eq(schema.hubspotConnections.status, 'active')),
        )
        .returning();
      logger.warn({ portalId: current.portalId, reason }, 'HubSpot connection disconnected');
      return row ?? current;
    }
  }

  return {
    async fresh(connection) {
      if (isFresh(connection)) return connection;
      const key = `${config.QUEUE_PREFIX}:hubspot-token-refresh:${connection.id}`;
      const owner = randomBytes(16).toString('hex');
      for (let waited = 0; waited < LOCK_MS; waited += 100) {
        if ((await redis.set(key, owner, 'PX', LOCK_MS, 'NX')) === 'OK') {
          try {
            return await refreshUnderLock(connection);
          } finally {
            await redis.eval(RELEASE, 1, key, owner);
          }
        }
        // Another process is refreshing: its new token lands in the row.
        await sleep(100);
        const now = await getHubspotConnection(db, connection.workspaceId);
        if (now && (isFresh(now) || now.status !== 'active')) return now;
      }
      throw new Error(`HubSpot token refresh of portal ${connection.portalId} is taking over ${LOCK_MS} ms`);
    },
  };
}
