import { getHubspotConnection, type HubspotSession } from '@licensync/hubspot';
import type { WorkerDeps } from '../worker-deps';

/**
 * The rate-limited session of a workspace's portal, for a job that reads or writes a few records
 * (not the outbox drain): null when the workspace has no active, enabled connection. Throws
 * `PortalPausedError` when the portal's calls are held back.
 */
export async function openPortalSession(
  deps: WorkerDeps,
  workspaceId: string,
): Promise<HubspotSession | null> {
  const stored = await getHubspotConnection(deps.db, workspaceId);
  if (!stored?.enabled || stored.status !== 'active') return null;
  const connection = await deps.hubspot.refresher.fresh(stored);
  if (connection.status !== 'active') return null;
  return (await deps.hubspot.portals.ready(connection)).session;
}
