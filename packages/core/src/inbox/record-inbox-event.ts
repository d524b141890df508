import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { inboxEvents } from '../db/schema/index';

export type InboxRow = typeof inboxEvents.$inferSelect;

export interface RecordedEvent {
  row: InboxRow;
  /** `new`: first delivery; `retry`: a redelivery of a failed event; `duplicate`: done or in flight. */
  outcome: 'new' | 'retry' | 'duplicate';
}

/**
 * Stores a provider event before it is acknowledged. Deduplicates on the processing outcome: a
 * redelivery of an event that failed for good is reopened (the provider's retry acts as a replay);
 * a processed, ignored or pending one is a duplicate. The key is (workspace, provider, external id):
 * the same id at another workspace's URL is another account's event.
 */
export async function recordInboxEvent(
  db: DbOrTx,
  input: {
    workspaceId: string;
    provider: 'stripe' | 'hubspot';
    externalId: string;
    type: string;
    payload: Record<string, unknown>;
  },
): Promise<RecordedEvent> {
  const inserted = await db
    .insert(inboxEvents)
    .values(input)
    .onConflictDoNothing({
      target: [inboxEvents.workspaceId, inboxEvents.provider, inboxEvents.externalId],
    })
    .returning();
  if (inserted[0]) return { row: inserted[0], outcome: 'new' };

  const reopened = await db
    .update(inboxEvents)
    .set({
      status: 'pending',
      round: sql`${inboxEvents.round} + 1`,
      payload: input.payload,
      enqueuedAt: null,
    })
    .where(
      and(
        eq(inboxEvents.workspaceId, input.workspaceId),
        eq(inboxEvents.provider, input.provider),
        eq(inboxEvents.externalId, input.externalId),
        eq(inboxEvents.status, 'failed'),
      ),
    )
    .returning();
  if (reopened[0]) return { row: reopened[0], outcome: 'retry' };

  const [existing] = await db
    .select()
    .from(inboxEvents)
    .where(
      and(
        eq(inboxEvents.workspaceId, input.workspaceId),
        eq(inboxEvents.provider, input.provider),
        eq(inboxEvents.externalId, input.externalId),
      ),
    );
  return { row: existing!, outcome: 'duplicate' };
}
