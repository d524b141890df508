import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { hubspotConnections } from '../db/schema/index';
import { recordActivity } from '../history/record-activity';
import { enqueueAllOfKind } from '../outbox/enqueue-all-of-kind';
import { SYNC_OBJECT_KINDS } from '../queues/jobs/sync-outbox';
import { resolveHubspotConnectionFailures } from './connection-failure-job';
import { forgetPortalData } from './forget-portal-data';

export type HubspotConnectionRow = typeof hubspotConnections.$inferSelect;

/**
 * Stores what an OAuth install returned (tokens already sealed) as the workspace's connection,
 * active. The same portal keeps its links and schema state, and the work parked while it was
 * disconnected drains. A new portal, or a first connection, starts with no schema state and every
 * record queued; a switch also sets the old portal's record links aside, in the same transaction.
 */
export async function saveHubspotOauthConnection(
  db: Db,
  input: {
    workspaceId: string;
    portalId: string;
    sealedAccessToken: string;
    sealedRefreshToken: string;
    expiresAt: Date;
  },
): Promise<{ connection: HubspotConnectionRow; previousPortalId: string | null }> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(hubspotConnections)
      .where(eq(hubspotConnections.workspaceId, input.workspaceId))
      .for('update');
    const samePortal = current?.portalId === input.portalId;
    const now = new Date();
    const values = {
      workspaceId: input.workspaceId,
      portalId: input.portalId,
      authKind: 'oauth' as const,
      accessToken: input.sealedAccessToken,
      refreshToken: input.sealedRefreshToken,
      expiresAt: input.expiresAt,
      status: 'active' as const,
      statusReason: null,
      updatedAt: now,
      ...(!samePortal && { objectTypeIds: {}, schemaVersion: 0, connectedAt: now, lastSyncAt: null }),
    };
    const [connection] = await tx
      .insert(hubspotConnections)
      .values(values)
      .onConflictDoUpdate({ target: hubspotConnections.workspaceId, set: values })
      .returning();
    if (current && !samePortal) await forgetPortalData(tx, input.workspaceId);
    await resolveHubspotConnectionFailures(tx, input.workspaceId);
    if (!current) for (const kind of SYNC_OBJECT_KINDS) await enqueueAllOfKind(tx, input.workspaceId, kind);
    await recordActivity(tx, {
      workspaceId: input.workspaceId,
      kind: 'hubspot.connected',
      subjects: [`hubspot-portal:${input.portalId}`],
      outcome: 'ok',
      message: current && !samePortal ? `portal switched from ${current.portalId}` : 'connected by OAuth',
    });
    return { connection: connection!, previousPortalId: current && !samePortal ? current.portalId : null };
  });
}
