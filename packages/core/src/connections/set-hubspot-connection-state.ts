import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { isUuid } from '../db/is-uuid';
import { hubspotConnections } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { recordActivity } from '../history/record-activity';
import type { HubspotConnectionRow } from './save-hubspot-oauth-connection';

/**
 * Disconnects (or reconnects) one connection of a workspace. Disconnected, the outbox poller and
 * every sync job skip it, so pending intents stay parked in the outbox (not failed) with history and
 * settings kept; active again, they drain. Idempotent: the same state twice changes nothing more.
 */
export async function setHubspotConnectionState(
  db: DbOrTx,
  input: {
    workspaceId: string;
    connectionId: string;
    state: 'active' | 'disconnected';
    reason: string | null;
  },
): Promise<HubspotConnectionRow> {
  if (!isUuid(input.connectionId))
    throw new NotFoundError(`no connection ${input.connectionId} in this workspace`);
  const [row] = await db
    .update(hubspotConnections)
    .set({ status: input.state, statusReason: input.reason, updatedAt: new Date() })
    .where(
      and(
        eq(hubspotConnections.id, input.connectionId),
        eq(hubspotConnections.workspaceId, input.workspaceId),
      ),
    )
    .returning();
  if (!row) throw new NotFoundError(`no connection ${input.connectionId} in this workspace`);
  await recordActivity(db, {
    workspaceId: input.workspaceId,
    kind: input.state === 'active' ? 'hubspot.reconnected' : 'hubspot.disconnected',
    subjects: [`hubspot-portal:${row.portalId}`],
    outcome: 'ok',
    message: input.reason ?? undefined,
  });
  return row;
}
