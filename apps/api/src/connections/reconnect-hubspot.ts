import { setHubspotConnectionState } from '@licensync/core/connections';
import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';

/** A connection HubSpot itself refused cannot be resumed: it needs the app installed again. */
export class ReinstallNeededError extends Error {}

/**
 * Resumes a HubSpot connection an operator disconnected. One HubSpot refused (revoked, uninstalled)
 * throws `ReinstallNeededError`: only a new install brings working tokens.
 */
export async function reconnectHubspot(deps: Pick<AppDeps, 'db'>, workspaceId: string, connectionId: string) {
  const [current] = await deps.db
    .select()
    .from(schema.hubspotConnections)
    .where(eq(schema.hubspotConnections.workspaceId, workspaceId));
  if (
    current?.id === connectionId &&
    current.status !== 'active' &&
    !current.statusReason?.startsWith('disconnected by')
  ) {
    throw new ReinstallNeededError(
      `HubSpot refused this connection (${current.statusReason ?? current.status}): install the app again with “Install again” on the console's Connections page (/console/connections)`,
    );
  }
  return setHubspotConnectionState(deps.db, { workspaceId, connectionId, state: 'active', reason: null });
}
