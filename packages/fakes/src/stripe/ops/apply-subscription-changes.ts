import type Stripe from 'stripe';
import { StripeApiError } from '../http/stripe-api-error.js';
import { buildSubscriptionItem } from '../objects/build-subscription-item.js';
import type { StripeStore } from '../store/stripe-store.js';
import { addInterval } from './add-interval.js';
import { recurringPrice } from './recurring-price.js';

export interface SubscriptionItemChange {
  /** An existing item to change or delete; without it a new item is added. */
  id?: string;
  price?: string;
  quantity?: number;
  deleted?: boolean;
}

/** What `POST /v1/subscriptions/:id` can change here; prorations are not modelled. */
export interface SubscriptionChanges {
  items?: SubscriptionItemChange[];
  cancelAtPeriodEnd?: boolean;
  /** null resumes collection. */
  pauseCollection?: Stripe.Subscription.PauseCollection | null;
  metadata?: Record<string, string>;
  description?: string | null;
}

/** Mutates a stored subscription and its items; wrap in `updateSubscription` to get the event. */
export function applySubscriptionChanges(
  store: StripeStore,
  subscription: Stripe.Subscription,
  changes: SubscriptionChanges,
): void {
  if (subscription.status === 'canceled' && (changes.items || changes.cancelAtPeriodEnd !== undefined)) {
    throw StripeApiError.invalid(
      'A canceled subscription can only update its cancellation_details and metadata.',
    );
  }
  (changes.items ?? []).forEach((change, index) => {
    applyItemChange(store, subscription, change, index);
  });
  if (changes.cancelAtPeriodEnd !== undefined) {
    const items = store.children<Stripe.SubscriptionItem>('subscription_item', subscription.id);
    const periodEnd = Math.min(...items.map((item) => item.current_period_end));
    subscription.cancel_at_period_end = changes.cancelAtPeriodEnd;
    // Since 2025 Stripe also sets cancel_at to the period end when cancel_at_period_end is set.
    subscription.cancel_at = changes.cancelAtPeriodEnd ? periodEnd : null;
    subscription.canceled_at = changes.cancelAtPeriodEnd ? store.now() : null;
  }
  if (changes.pauseCollection !== undefined) subscription.pause_collection = changes.pauseCollection;
  if (changes.metadata) subscription.metadata = changes.metadata;
  if (changes.description !== undefined) subscription.description = changes.description;
}

function applyItemChange(
  store: StripeStore,
  subscription: Stripe.Subscription,
  change: SubscriptionItemChange,
  index: number,
): void {
  const param = `items[${index}]`;
  if (change.id === undefined) {
    if (!change.price) throw StripeApiError.missingParameter(`${param}[price]`);
    const price = recurringPrice(store, change.price, `${param}[price]`);
    const sibling = store.children<Stripe.SubscriptionItem>('subscription_item', subscription.id)[0];
    const start = sibling?.current_period_start ?? store.now();
    const end =
      sibling?.current_period_end ??
      addInterval(start, price.recurring.interval, price.recurring.interval_count);
    const item = buildSubscriptionItem(
      {
        subscription: subscription.id,
        price,
        quantity: change.quantity ?? 1,
        periodStart: start,
        periodEnd: end,
      },
      store.now(),
    );
    store.insert(item, { parent: subscription.id });
    return;
  }
  const item = store.get<Stripe.SubscriptionItem>('subscription_item', change.id, `${param}[id]`);
  if (item.subscription !== subscription.id)
    throw StripeApiError.resourceMissing('subscription_item', change.id, `${param}[id]`);
  if (change.deleted) {
    store.remove(item.id);
    return;
  }
  if (change.price) item.price = recurringPrice(store, change.price, `${param}[price]`);
  if (change.quantity !== undefined) item.quantity = change.quantity;
}
