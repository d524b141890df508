import type Stripe from 'stripe';
import { renderObject } from '../render/render-object.js';
import { diffAttributes } from './diff-attributes.js';
import type { OpsContext } from './ops-context.js';

/**
 * Runs `change` on a stored subscription (and its items) and emits `customer.subscription.updated`
 * with `previous_attributes` for what changed; no event when nothing did.
 */
export function updateSubscription(
  ctx: OpsContext,
  id: string,
  change: (subscription: Stripe.Subscription) => void,
): Stripe.Subscription {
  const subscription = ctx.store.get<Stripe.Subscription>('subscription', id);
  const before = renderObject(ctx.store, subscription);
  change(subscription);
  const previous = diffAttributes(before, renderObject(ctx.store, subscription));
  if (Object.keys(previous).length > 0) ctx.emit('customer.subscription.updated', subscription, previous);
  return subscription;
}
