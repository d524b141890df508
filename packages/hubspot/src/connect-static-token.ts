import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import type { Logger } from '@licensync/core/logging';
import type { SecretBox } from '@licensync/core/secrets';
import { ensureDefaultWorkspace } from '@licensync/core/workspaces';
import { createHubspotCaller } from './create-hubspot-caller';
import { createHubspotClient } from './create-hubspot-client';
import { ensureHubspotConnection } from './ensure-hubspot-connection';
import type { HubspotConnection } from './hubspot-connection';
import type { HubspotMetrics } from './hubspot-metrics';
import type { PortalRateLimiter } from './rate-limit/portal-rate-limiter';

/**
 * Until OAuth lands: `HUBSPOT_ACCESS_TOKEN` connects the default workspace to the token's portal.
 * The portal id comes from HubSpot, so the limiter is keyed by the right portal from the first call.
 */
export async function connectStaticToken(deps: {
  db: Db;
  config: Config;
  logger: Logger;
  metrics: HubspotMetrics;
  limiter: PortalRateLimiter;
  secrets: SecretBox;
  accessToken: string;
}): Promise<HubspotConnection> {
  const workspace = await ensureDefaultWorkspace(deps.db);
  const client = createHubspotClient({
    accessToken: deps.accessToken,
    basePath: deps.config.HUBSPOT_API_BASE,
  });
  // The portal is unknown until this call answers: its budget is the token's own.
  const call = createHubspotCaller({
    limiter: deps.limiter,
    portalId: `token-${deps.accessToken.slice(-8)}`,
    metrics: deps.metrics,
    logger: deps.logger,
  });
  const connection = await ensureHubspotConnection({
    db: deps.db,
    workspaceId: workspace.id,
    sealedToken: deps.secrets.seal(deps.accessToken),
    client,
    call,
  });
  deps.logger.info({ portalId: connection.portalId, workspaceId: workspace.id }, 'HubSpot connected');
  return connection;
}
