import type { DbOrTx } from '../db/client';
import { type SyncObjectKind, syncOutbox } from '../db/schema/index';

/**
 * Records that a record must be written to HubSpot. Call it in the same transaction as the change;
 * a second change before the sync worker drains coalesces into the pending intent.
 */
export async function enqueueSyncIntent(
  db: DbOrTx,
  workspaceId: string,
  objectKind: SyncObjectKind,
  objectIds: string[],
): Promise<void> {
  if (objectIds.length === 0) return;
  await db
    .insert(syncOutbox)
    .values(objectIds.map((objectId) => ({ workspaceId, objectKind, objectId })))
    .onConflictDoNothing();
}
