import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { licenseDeliveries } from '../db/schema/index';

export interface LicenseDeliveryWork {
  workspaceId: string;
  deliveryId: string;
}

/**
 * Moves up to `limit` pending deliveries to `dispatched`, handing them to `enqueue` in the same
 * transaction: when enqueueing fails they stay pending for the next poll (the job id makes a
 * repeat a no-op).
 */
export async function dispatchLicenseDeliveries(
  db: Db,
  enqueue: (work: LicenseDeliveryWork[]) => Promise<void>,
  limit = 200,
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: licenseDeliveries.id, workspaceId: licenseDeliveries.workspaceId })
      .from(licenseDeliveries)
      .where(eq(licenseDeliveries.status, 'pending'))
      .orderBy(licenseDeliveries.createdAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return 0;
    await enqueue(rows.map((r) => ({ workspaceId: r.workspaceId, deliveryId: r.id })));
    await tx
      .update(licenseDeliveries)
      .set({ status: 'dispatched' })
      .where(
        inArray(
          licenseDeliveries.id,
          rows.map((r) => r.id),
        ),
      );
    return rows.length;
  });
}
