import type { Db } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { inArray } from 'drizzle-orm';

/**
 * Waits until the worker has settled every given Stripe event (no inbox row still `pending`). The
 * tests' `settleInbox` does the same, but it lives in @licensync/test-env, which loads vitest.
 */
export async function waitForInbox(db: Db, externalIds: string[], timeoutMs = 20_000): Promise<void> {
  const wanted = new Set(externalIds);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db
      .select({ status: schema.inboxEvents.status })
      .from(schema.inboxEvents)
      .where(inArray(schema.inboxEvents.externalId, [...wanted]));
    if (rows.length === wanted.size && rows.every((r) => r.status !== 'pending')) return;
    if (Date.now() > deadline) throw new Error(`the worker did not settle ${wanted.size} events in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
