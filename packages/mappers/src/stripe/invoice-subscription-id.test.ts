import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { invoiceSubscriptionId } from './invoice-subscription-id';

const subscriptionParent = (subscription: string | Stripe.Subscription): Stripe.Invoice.Parent => ({
  type: 'subscription_details',
  quote_details: null,
  subscription_details: { metadata: null, subscription },
});

describe('invoiceSubscriptionId', () => {
  it.each<[string, Stripe.Invoice.Parent | null, string | undefined]>([
    ['reads the id from parent.subscription_details', subscriptionParent('sub_1'), 'sub_1'],
    [
      'reads the id of an expanded subscription',
      subscriptionParent({ id: 'sub_2' } as Stripe.Subscription),
      'sub_2',
    ],
    [
      'a quote invoice has no subscription',
      { type: 'quote_details', quote_details: { quote: 'qt_1' }, subscription_details: null },
      undefined,
    ],
    ['a manual invoice has no parent', null, undefined],
  ])('%s', (_rule, parent, expected) => {
    expect(invoiceSubscriptionId({ parent })).toBe(expected);
  });
});
