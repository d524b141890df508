import { enqueueSyncIntent } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { and, eq, inArray } from 'drizzle-orm';
import type { SyncContext } from './sync-context';

/**
 * License records embed their customer's email and name (`customer_email`, `license_name`), so a
 * customer written to HubSpot puts its licenses back in the outbox. Bulk priority: a pending intent
 * of the license coalesces, and live changes keep going first.
 */
export async function resyncCustomerLicenses(ctx: SyncContext, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  const rows = await ctx.db
    .select({ id: schema.licenses.id })
    .from(schema.licenses)
    .where(
      and(eq(schema.licenses.workspaceId, ctx.workspaceId), inArray(schema.licenses.customerId, customerIds)),
    );
  await enqueueSyncIntent(
    ctx.db,
    ctx.workspaceId,
    'license',
    rows.map((r) => r.id),
    { priority: 'bulk' },
  );
}
