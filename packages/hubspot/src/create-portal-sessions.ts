import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import type { Logger } from '@licensync/core/logging';
import { enqueueAllOfKind } from '@licensync/core/outbox';
import type { HubspotObjectTypeIds } from '@licensync/core/schema';
import { SEALED_PREFIX, type SecretBox } from '@licensync/core/secrets';
import type { HubspotSession } from './api/hubspot-session';
import { createHubspotCaller } from './create-hubspot-caller';
import { createHubspotClient } from './create-hubspot-client';
import { deployHubspotSchema } from './deploy-hubspot-schema';
import { type HubspotConnection, saveHubspotSchemaState } from './hubspot-connection';
import type { HubspotMetrics } from './hubspot-metrics';
import type { PortalRateLimiter } from './rate-limit/portal-rate-limiter';
import { HUBSPOT_SCHEMA } from './schema/hubspot-schema';

export interface ReadyPortal {
  session: HubspotSession;
  objectTypeIds: Required<HubspotObjectTypeIds>;
}

/**
 * One SDK client and caller per connection, and the schema deployed once per process (on the
 * first use after start): every worker start re-checks the portal, which is how an object or
 * property deleted in HubSpot, or one added in a new release, gets created.
 */
export function createPortalSessions(deps: {
  db: Db;
  config: Config;
  logger: Logger;
  metrics: HubspotMetrics;
  limiter: PortalRateLimiter;
  secrets: SecretBox;
}) {
  const cache = new Map<string, { token: string; portalId: string; ready: Promise<ReadyPortal> }>();

  const sessionFor = (connection: HubspotConnection): HubspotSession => ({
    portalId: connection.portalId,
    client: createHubspotClient({
      accessToken: openToken(deps.secrets, connection.accessToken),
      basePath: deps.config.HUBSPOT_API_BASE,
    }),
    call: createHubspotCaller({
      limiter: deps.limiter,
      portalId: connection.portalId,
      metrics: deps.metrics,
      logger: deps.logger,
    }),
  });

  async function deploy(connection: HubspotConnection): Promise<ReadyPortal> {
    const session = sessionFor(connection);
    const result = await deployHubspotSchema({ client: session.client, call: session.call });
    const before = connection.objectTypeIds;
    await saveHubspotSchemaState(deps.db, connection.id, {
      objectTypeIds: result.objectTypeIds,
      version: result.version,
    });
    for (const spec of HUBSPOT_SCHEMA.objects) {
      const previous = before[spec.key];
      // A new objectTypeId for an object we had: it was deleted in HubSpot and is empty now.
      if (previous && previous !== result.objectTypeIds[spec.key]) {
        const n = await enqueueAllOfKind(deps.db, connection.workspaceId, spec.kind);
        deps.logger.warn(
          { object: spec.name, previous, now: result.objectTypeIds[spec.key], resync: n },
          'HubSpot object was re-created; syncing its records again',
        );
      }
    }
    deps.logger.info(
      { portalId: connection.portalId, writes: result.writes, version: result.version },
      'HubSpot schema checked',
    );
    return { session, objectTypeIds: result.objectTypeIds };
  }

  return {
    /** The portal's session once its schema is deployed; deploys at most once per process and token. */
    ready(connection: HubspotConnection): Promise<ReadyPortal> {
      const cached = cache.get(connection.id);
      if (cached && cached.token === connection.accessToken) return cached.ready;
      if (cached && cached.portalId === connection.portalId && connection.authKind === 'oauth') {
        // A refreshed OAuth token: same portal and schema, only the bearer of the session changes.
        cached.token = connection.accessToken;
        const token = openToken(deps.secrets, connection.accessToken);
        return cached.ready.then((ready) => {
          ready.session.client.setAccessToken(token);
          return ready;
        });
      }
      const ready = deploy(connection);
      cache.set(connection.id, { token: connection.accessToken, portalId: connection.portalId, ready });
      // A failed deployment is tried again by the next job rather than cached.
      ready.catch(() => cache.delete(connection.id));
      return ready;
    },
    forget(connectionId: string) {
      cache.delete(connectionId);
    },
  };
}

export type PortalSessions = ReturnType<typeof createPortalSessions>;

// A row written by a release before encryption is read as it is until the worker's start-up reseal
// (or `pnpm secrets:reseal`) seals it; during a rolling deploy both kinds exist for a moment.
function openToken(secrets: SecretBox, stored: string): string {
  return stored.startsWith(SEALED_PREFIX) ? secrets.open(stored) : stored;
}
