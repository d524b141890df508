import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { jobFailures } from '../db/schema/index';

/**
 * Closes the open failures of an event that has now succeeded (the provider redelivered it after
 * the fix), so the operators' list does not offer to replay what is done.
 */
export async function resolveJobFailures(db: DbOrTx, inboxEventId: number): Promise<void> {
  await db
    .update(jobFailures)
    .set({ status: 'resolved', updatedAt: new Date() })
    .where(and(eq(jobFailures.inboxEventId, inboxEventId), eq(jobFailures.status, 'failed')));
}
