import { describe, expect, it } from 'vitest';
import { makeSubscription } from './test-sources';
import { toHubspotSubscriptionProperties } from './to-hubspot-subscription-properties';

describe('toHubspotSubscriptionProperties', () => {
  it.each([
    ['periods are UTC days', {}, { current_period_start: '2026-01-01', current_period_end: '2026-02-01' }],
    ['the amount is in major units with the currency upper-cased', {}, { amount: '49.00', currency: 'EUR' }],
    [
      'a trial end is mirrored',
      { status: 'trialing', trialEnd: new Date('2026-01-15T00:00:00Z') },
      { status: 'trialing', trial_end: '2026-01-15' },
    ],
    [
      'a scheduled cancellation shows its date',
      { cancelAtPeriodEnd: true, cancelAt: new Date('2026-02-01T10:00:00Z') },
      { cancel_at_period_end: 'true', cancel_at: '2026-02-01' },
    ],
    [
      'an ended subscription carries canceled and ended dates',
      {
        status: 'canceled',
        canceledAt: new Date('2026-01-20T00:00:00Z'),
        endedAt: new Date('2026-01-20T00:00:00Z'),
      },
      { status: 'canceled', canceled_at: '2026-01-20', ended_at: '2026-01-20' },
    ],
    ['no plan name falls back to the Stripe id', { planName: null }, { plan_name: 'sub_1' }],
    ['several prices are listed', { priceIds: ['price_1', 'price_2'] }, { price_ids: 'price_1, price_2' }],
    [
      'created and started are UTC days (a backdated start is before its creation)',
      { startedAt: new Date('2025-12-01T00:00:00Z') },
      { created_at: '2025-12-31', started_at: '2025-12-01' },
    ],
    ['the billing time is mirrored', { billingTime: 'calendar' as const }, { billing_time: 'calendar' }],
    ['an unknown billing time clears the value', { billingTime: null }, { billing_time: '' }],
    [
      'a live subscription links to the live dashboard',
      {},
      { subscription_url: 'https://dashboard.stripe.com/subscriptions/sub_1' },
    ],
    [
      'a test-mode subscription links to the test dashboard',
      { livemode: false },
      { subscription_url: 'https://dashboard.stripe.com/test/subscriptions/sub_1' },
    ],
  ])('%s', (_rule, override, expected) => {
    expect(toHubspotSubscriptionProperties(makeSubscription(override))).toMatchObject(expected);
  });
});
