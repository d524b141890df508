import { CONNECTION_FAILURE_JOB } from '@licensync/core/connections';
import type { Db } from '@licensync/core/db';
import { recordJobFailure } from '@licensync/core/failures';
import { recordActivity } from '@licensync/core/history';
import { QUEUES } from '@licensync/core/queues';
import { hubspotConnections } from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import type { HubspotConnection } from './hubspot-connection';

export { CONNECTION_FAILURE_JOB, resolveHubspotConnectionFailures } from '@licensync/core/connections';

/**
 * HubSpot refuses the connection itself (revoked token, missing scope, a schema it will not take):
 * sets it to `status = 'error'` and records one `job_failures` row for it. The outbox poller lists
 * only active connections, so its intents wait, untouched, until it is active again:
 * `ensureHubspotConnection` (run at worker start with `HUBSPOT_ACCESS_TOKEN`, and by a reconnect)
 * sets it back to active once HubSpot accepts the token, and resolves the row. Returns false when
 * the connection was not active (another job got there first): nothing is recorded twice.
 */
export async function markHubspotConnectionError(
  db: Db,
  connection: HubspotConnection,
  reason: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(hubspotConnections)
      .set({ status: 'error', statusReason: reason, updatedAt: new Date() })
      .where(and(eq(hubspotConnections.id, connection.id), eq(hubspotConnections.status, 'active')))
      .returning({ id: hubspotConnections.id });
    if (!changed) return false;
    const message = `HubSpot portal ${connection.portalId}: ${reason}. Syncing is stopped until the connection is active again (reconnect, or restart the worker with a valid HUBSPOT_ACCESS_TOKEN).`;
    await recordJobFailure(tx, {
      workspaceId: connection.workspaceId,
      queue: QUEUES.hubspotSync,
      jobName: CONNECTION_FAILURE_JOB,
      jobId: `connection-${connection.id}`,
      attempts: 1,
      errors: [{ attempt: 1, at: new Date().toISOString(), message }],
      payload: {
        workspaceId: connection.workspaceId,
        connectionId: connection.id,
        portalId: connection.portalId,
      },
    });
    await recordActivity(tx, {
      workspaceId: connection.workspaceId,
      kind: 'hubspot.connection.failed',
      subjects: [`hubspot-portal:${connection.portalId}`],
      outcome: 'error',
      message,
    });
    return true;
  });
}
