import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { externalLinks, hubspotAssociations, hubspotCardSettings } from '../db/schema/index';
import { enqueueAllOfKind } from '../outbox/enqueue-all-of-kind';
import { SYNC_OBJECT_KINDS } from '../queues/jobs/sync-outbox';

/**
 * The workspace now syncs to another portal: every HubSpot record id we stored belongs to the old
 * one and must never be sent to the new one. Drops the links and the association ledger and puts
 * every record back in the outbox, so the new portal is filled by upserts keyed by our ids.
 * Run it in the transaction that stores the new portal id.
 */
export async function forgetPortalData(tx: DbOrTx, workspaceId: string): Promise<void> {
  await tx
    .delete(externalLinks)
    .where(and(eq(externalLinks.workspaceId, workspaceId), eq(externalLinks.provider, 'hubspot')));
  await tx.delete(hubspotAssociations).where(eq(hubspotAssociations.workspaceId, workspaceId));
  await tx.delete(hubspotCardSettings).where(eq(hubspotCardSettings.workspaceId, workspaceId));
  for (const kind of SYNC_OBJECT_KINDS) await enqueueAllOfKind(tx, workspaceId, kind);
}
