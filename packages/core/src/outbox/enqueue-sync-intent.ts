import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { type SyncObjectKind, syncOutbox } from '../db/schema/index';
import { SYNC_PRIORITY, type SyncPriority } from './sync-priority';

export interface EnqueueSyncIntentOptions {
  /** Default `live`. */
  priority?: SyncPriority;
  /** The hubspot-resync writing the intents; it waits for them to settle before it finishes. */
  resyncRunId?: string;
}

/**
 * Records that a record must be written to HubSpot. Call it in the same transaction as the change;
 * a second change before the sync worker drains coalesces into the pending intent. Coalescing keeps
 * the more urgent priority, so a live change to a record waiting in a bulk backlog moves it to the
 * front, and a resync adopts the pending intent as one of its own.
 */
export async function enqueueSyncIntent(
  db: DbOrTx,
  workspaceId: string,
  objectKind: SyncObjectKind,
  objectIds: string[],
  options: EnqueueSyncIntentOptions = {},
): Promise<void> {
  // One statement may not update a row twice (ON CONFLICT DO UPDATE), so no id twice.
  // Sorted: concurrent writers then lock conflicting pending rows in one order, never crosswise.
  const unique = [...new Set(objectIds)].sort();
  if (unique.length === 0) return;
  const priority = SYNC_PRIORITY[options.priority ?? 'live'];
  const resyncRunId = options.resyncRunId ?? null;
  await db
    .insert(syncOutbox)
    .values(unique.map((objectId) => ({ workspaceId, objectKind, objectId, priority, resyncRunId })))
    .onConflictDoUpdate({
      target: [syncOutbox.workspaceId, syncOutbox.target, syncOutbox.objectKind, syncOutbox.objectId],
      targetWhere: sql`status = 'pending'`,
      set: {
        priority: sql`least(sync_outbox.priority, excluded.priority)`,
        resyncRunId: sql`coalesce(excluded.resync_run_id, sync_outbox.resync_run_id)`,
      },
      // Only a real change rewrites the row: a resync page over a pending backlog stays cheap.
      setWhere: sql`excluded.priority < sync_outbox.priority
        or (excluded.resync_run_id is not null
            and excluded.resync_run_id is distinct from sync_outbox.resync_run_id)`,
    });
}
