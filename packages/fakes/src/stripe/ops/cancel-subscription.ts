import type Stripe from 'stripe';
import { StripeApiError } from '../http/stripe-api-error.js';
import type { OpsContext } from './ops-context.js';

/** Ends a subscription now: `status: canceled`, `ended_at`, and `customer.subscription.deleted`. */
export function cancelSubscription(
  ctx: OpsContext,
  id: string,
  details: { reason?: Stripe.Subscription.CancellationDetails.Reason; comment?: string | null } = {},
): Stripe.Subscription {
  const subscription = ctx.store.get<Stripe.Subscription>('subscription', id);
  if (subscription.status === 'canceled') {
    throw StripeApiError.invalid(
      `A canceled subscription can only update its cancellation_details and metadata.`,
    );
  }
  const now = ctx.store.now();
  Object.assign(subscription, {
    status: 'canceled',
    canceled_at: subscription.canceled_at ?? now,
    ended_at: now,
    cancellation_details: {
      comment: details.comment ?? null,
      feedback: null,
      reason: details.reason ?? 'cancellation_requested',
    },
  } satisfies Partial<Stripe.Subscription>);
  ctx.emit('customer.subscription.deleted', subscription);
  return subscription;
}
