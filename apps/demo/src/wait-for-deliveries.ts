import type { Db } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { inArray } from 'drizzle-orm';

/** Waits until no delivery mail is still pending or on its way (sent, skipped or failed). */
export async function waitForDeliveries(db: Db, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await db
      .select({ id: schema.licenseDeliveries.id, lastError: schema.licenseDeliveries.lastError })
      .from(schema.licenseDeliveries)
      .where(inArray(schema.licenseDeliveries.status, ['pending', 'dispatched']));
    if (open.every((d) => d.lastError !== null)) return;
    if (Date.now() > deadline) throw new Error(`${open.length} delivery mail(s) were not sent in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
