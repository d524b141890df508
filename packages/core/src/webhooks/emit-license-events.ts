import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licenses } from '../db/schema/index';
import { emitOutboundEvent } from './emit-outbound-event';
import type { OutboundEventType } from './outbound-event-types';

type LicenseRow = typeof licenses.$inferSelect;

/** What a receiver gets about a license: ids and state, no customer personal data. */
export function toLicenseEventData(l: LicenseRow): Record<string, unknown> {
  return {
    id: l.id,
    license_key: l.licenseKey,
    customer_id: l.customerId,
    order_id: l.orderId,
    product_id: l.productId,
    license_type: l.licenseType,
    enabled: l.enabled,
    disabled_reason: l.disabledReason,
    valid_until: l.validUntil?.toISOString() ?? null,
    stripe_subscription_id: l.stripeSubscriptionId,
  };
}

/**
 * Emits one event per changed license, read after the change: `license.disabled` for one now
 * disabled, `license.updated` otherwise (or `type` when given).
 */
export async function emitLicenseEvents(
  tx: DbOrTx,
  workspaceId: string,
  ids: string[],
  type?: OutboundEventType,
): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx
    .select()
    .from(licenses)
    .where(and(eq(licenses.workspaceId, workspaceId), inArray(licenses.id, ids)));
  for (const row of rows) {
    const eventType = type ?? (row.enabled ? 'license.updated' : 'license.disabled');
    await emitOutboundEvent(tx, workspaceId, eventType, toLicenseEventData(row));
  }
}
