import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licenses, type OrderSourceKind, orders } from '../db/schema/index';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';
import { emitOutboundEvent } from '../webhooks/emit-outbound-event';

export type Order = typeof orders.$inferSelect;

/**
 * One order per paying Stripe object; a replay finds the existing one. A deal id that is new or
 * changed (metadata added to the Stripe object later) is written, and the order's licenses are
 * synced again so they get associated with the deal; an absent one leaves the stored deal alone.
 */
export async function findOrCreateOrder(
  db: DbOrTx,
  input: {
    workspaceId: string;
    customerId: string;
    sourceKind: OrderSourceKind;
    sourceId: string;
    stripePaymentIntentId?: string | null;
    stripeSubscriptionId?: string | null;
    hubspotDealId?: string | null;
  },
): Promise<Order> {
  const [created] = await db.insert(orders).values(input).onConflictDoNothing().returning();
  if (created) {
    await emitOutboundEvent(db, input.workspaceId, 'order.created', {
      id: created.id,
      customer_id: created.customerId,
      source_kind: created.sourceKind,
      source_id: created.sourceId,
      stripe_payment_intent_id: created.stripePaymentIntentId,
      stripe_subscription_id: created.stripeSubscriptionId,
    });
    return created;
  }
  const [existing] = await db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.workspaceId, input.workspaceId),
        eq(orders.sourceKind, input.sourceKind),
        eq(orders.sourceId, input.sourceId),
      ),
    );
  const dealId = input.hubspotDealId;
  if (!dealId || existing!.hubspotDealId === dealId) return existing!;
  await db.update(orders).set({ hubspotDealId: dealId }).where(eq(orders.id, existing!.id));
  const ids = await db
    .select({ id: licenses.id })
    .from(licenses)
    .where(and(eq(licenses.workspaceId, input.workspaceId), eq(licenses.orderId, existing!.id)));
  await enqueueSyncIntent(
    db,
    input.workspaceId,
    'license',
    ids.map((l) => l.id),
  );
  return { ...existing!, hubspotDealId: dealId };
}
