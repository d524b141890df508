import type { Db } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { inArray } from 'drizzle-orm';

/** Waits until no sync intent is pending or in flight: the ledger and HubSpot agree. */
export async function waitForHubspot(db: Db, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await db
      .select({ id: schema.syncOutbox.id })
      .from(schema.syncOutbox)
      .where(inArray(schema.syncOutbox.status, ['pending', 'processing']))
      .limit(1);
    if (open.length === 0) return;
    if (Date.now() > deadline) throw new Error('HubSpot sync did not drain the outbox in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
