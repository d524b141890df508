import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { invoiceLineSubscriptionItem } from './invoice-line-subscription-item';

describe('invoiceLineSubscriptionItem', () => {
  it.each<[string, Stripe.InvoiceLineItem.Parent | null, string | undefined]>([
    [
      'reads parent.subscription_item_details.subscription_item',
      {
        type: 'subscription_item_details',
        invoice_item_details: null,
        subscription_item_details: {
          invoice_item: null,
          proration: false,
          proration_details: null,
          subscription: 'sub_1',
          subscription_item: 'si_1',
        },
      },
      'si_1',
    ],
    [
      'an invoice item line has no subscription item',
      {
        type: 'invoice_item_details',
        subscription_item_details: null,
        invoice_item_details: {
          invoice_item: 'ii_1',
          proration: false,
          proration_details: null,
          subscription: null,
        },
      },
      undefined,
    ],
    ['a line without parent has no subscription item', null, undefined],
  ])('%s', (_rule, parent, expected) => {
    expect(invoiceLineSubscriptionItem({ parent })).toBe(expected);
  });
});
