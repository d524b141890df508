import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { connectStaticToken } from '../../../../packages/hubspot/src/connect-static-token';
import type { HubspotRuntime } from './create-hubspot-runtime';

/**
 * Connects the static token (when set) and deploys the schema of every enabled connection. Throws
 * when HubSpot cannot be reached, so the caller can try again; repeating it after success costs
 * only reads (deployment writes what is missing).
 */
export async function connectHubspotPortals(deps: {
  config: Config;
  db: Db;
  hubspot: HubspotRuntime;
}): Promise<void> {
  const { config, db, hubspot } = deps;
  if (config.HUBSPOT_ACCESS_TOKEN) {
    await connectStaticToken({
      db,
      config,
      logger: hubspot.logger,
      metrics: hubspot.metrics,
      limiter: hubspot.limiter,
      secrets: hubspot.secrets,
      accessToken: config.HUBSPOT_ACCESS_TOKEN,
    });
  }
  const connections = (await db.select().from(schema.hubspotConnections)).filter((c) => c.enabled);
  await Promise.all(connections.map((c) => hubspot.portals.ready(c)));
}
