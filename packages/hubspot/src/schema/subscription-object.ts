import type { HubspotObjectSpec } from './object-spec';
import { prop } from './property-spec';

export const BILLING_TIMES = ['anniversary', 'calendar'] as const;

export const SUBSCRIPTION_STATUSES = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'canceled',
  'paused',
] as const;

// WARNING: HubSpot stores records under these property and object names. Renaming one strands the
// values already written (HubSpot keeps the old property) — add new names, never rename.
export const SUBSCRIPTION_OBJECT: HubspotObjectSpec = {
  key: 'subscriptions',
  kind: 'subscription',
  name: 'licensync_subscription',
  labels: { singular: 'Subscription', plural: 'Subscriptions' },
  idProperty: 'licensync_subscription_id',
  primaryDisplayProperty: 'plan_name',
  secondaryDisplayProperties: ['status', 'stripe_subscription_id'],
  searchableProperties: ['licensync_subscription_id', 'stripe_subscription_id', 'customer_email'],
  associatedObjects: ['CONTACT', 'COMPANY', 'DEAL'],
  properties: [
    prop.key('licensync_subscription_id', 'Licensync subscription ID'),
    prop.text('stripe_subscription_id', 'Stripe subscription ID'),
    prop.text('stripe_customer_id', 'Stripe customer ID'),
    prop.text('plan_name', 'Plan'),
    prop.text('price_ids', 'Stripe price IDs'),
    prop.select('status', 'Status', SUBSCRIPTION_STATUSES),
    prop.number('quantity', 'Quantity'),
    prop.money('amount', 'Amount per period'),
    prop.text('currency', 'Currency'),
    prop.date('current_period_start', 'Current period start'),
    prop.date('current_period_end', 'Current period end'),
    prop.date('trial_end', 'Trial end'),
    prop.bool('cancel_at_period_end', 'Cancels at period end'),
    prop.date('cancel_at', 'Cancels on'),
    prop.date('canceled_at', 'Canceled on'),
    prop.date('ended_at', 'Ended on'),
    prop.text('customer_email', 'Customer email'),
    prop.date('created_at', 'Created on'),
    prop.date('started_at', 'Started on'),
    prop.select('billing_time', 'Billing time', BILLING_TIMES),
    // The Stripe dashboard: opens for anyone signed in to the Stripe account.
    prop.text('subscription_url', 'Stripe link'),
  ],
};
