import type { HubspotSubscriptionSource } from './hubspot-sources';
import { hubspotValue as v } from './hubspot-value';

/** Where a person with access to the Stripe account opens the subscription. */
export function stripeSubscriptionUrl(
  sub: Pick<HubspotSubscriptionSource, 'stripeSubscriptionId' | 'livemode'>,
) {
  return `https://dashboard.stripe.com/${sub.livemode ? '' : 'test/'}subscriptions/${sub.stripeSubscriptionId}`;
}

/** Our mirror of a Stripe subscription → the HubSpot Subscriptions object (SUBSCRIPTION_OBJECT). */
export function toHubspotSubscriptionProperties(sub: HubspotSubscriptionSource): Record<string, string> {
  return {
    licensync_subscription_id: sub.id,
    stripe_subscription_id: sub.stripeSubscriptionId,
    stripe_customer_id: v.text(sub.stripeCustomerId),
    plan_name: sub.planName ?? sub.stripeSubscriptionId,
    price_ids: sub.priceIds.join(', '),
    status: sub.status,
    quantity: v.number(sub.quantity),
    amount: v.money(sub.amount, sub.currency),
    currency: (sub.currency ?? '').toUpperCase(),
    current_period_start: v.date(sub.currentPeriodStart),
    current_period_end: v.date(sub.currentPeriodEnd),
    trial_end: v.date(sub.trialEnd),
    cancel_at_period_end: v.bool(sub.cancelAtPeriodEnd),
    cancel_at: v.date(sub.cancelAt),
    canceled_at: v.date(sub.canceledAt),
    ended_at: v.date(sub.endedAt),
    created_at: v.date(sub.stripeCreatedAt),
    started_at: v.date(sub.startedAt),
    billing_time: v.text(sub.billingTime),
    subscription_url: stripeSubscriptionUrl(sub),
    customer_email: v.text(sub.customerEmail),
  };
}
