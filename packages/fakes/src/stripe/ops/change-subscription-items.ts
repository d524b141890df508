import type Stripe from 'stripe';
import { applySubscriptionChanges, type SubscriptionChanges } from './apply-subscription-changes.js';
import { invoiceProrations, type PriceChange } from './invoice-prorations.js';
import type { OpsContext } from './ops-context.js';
import { updateSubscription } from './update-subscription.js';

/**
 * `POST /v1/subscriptions/:id`: applies the changes (`customer.subscription.updated`) and, with
 * `proration_behavior: always_invoice`, bills the items whose price or quantity changed at once.
 */
export function changeSubscriptionItems(
  ctx: OpsContext,
  id: string,
  changes: SubscriptionChanges,
  prorationBehavior: string = 'create_prorations',
): Stripe.Subscription {
  const before = new Map(
    ctx.store
      .children<Stripe.SubscriptionItem>('subscription_item', id)
      .map((item) => [item.id, { price: item.price, quantity: item.quantity ?? 1 }]),
  );
  const subscription = updateSubscription(ctx, id, (current) => {
    applySubscriptionChanges(ctx.store, current, changes);
  });
  if (prorationBehavior !== 'always_invoice') return subscription;
  const changed: PriceChange[] = [];
  for (const item of ctx.store.children<Stripe.SubscriptionItem>('subscription_item', id)) {
    const previous = before.get(item.id);
    if (!previous || (previous.price.id === item.price.id && previous.quantity === item.quantity)) continue;
    changed.push({ item, previousPrice: previous.price, previousQuantity: previous.quantity });
  }
  invoiceProrations(ctx, subscription, changed);
  return subscription;
}
