import type Stripe from 'stripe';

export interface Period {
  start: Date;
  end: Date;
}

/** A subscription item's current billing period (Stripe sends unix seconds). */
export function subscriptionItemPeriod(
  item: Pick<Stripe.SubscriptionItem, 'current_period_start' | 'current_period_end'>,
): Period {
  // basil (2025-03-31) moved current_period_* from the subscription onto each item.
  return { start: new Date(item.current_period_start * 1000), end: new Date(item.current_period_end * 1000) };
}
