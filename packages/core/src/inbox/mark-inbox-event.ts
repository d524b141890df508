import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { type InboxStatus, inboxEvents } from '../db/schema/index';

/** Moves an inbox row to its final state (pending → processed | ignored | failed). */
export async function markInboxEvent(
  db: DbOrTx,
  id: number,
  status: Exclude<InboxStatus, 'pending'>,
  error?: string,
): Promise<void> {
  await db
    .update(inboxEvents)
    .set({ status, lastError: error ?? null, processedAt: new Date() })
    // A processed event stays processed even if a late duplicate job fails.
    .where(and(eq(inboxEvents.id, id), ne(inboxEvents.status, 'processed')));
}
