import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { type OrderSourceKind, orders } from '../db/schema/index';
import { emitOutboundEvent } from '../webhooks/emit-outbound-event';

export type Order = typeof orders.$inferSelect;

/** One order per paying Stripe object; a replay finds the existing one. */
export async function findOrCreateOrder(
  db: DbOrTx,
  input: {
    workspaceId: string;
    customerId: string;
    sourceKind: OrderSourceKind;
    sourceId: string;
    stripePaymentIntentId?: string | null;
    stripeSubscriptionId?: string | null;
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
  return existing!;
}
