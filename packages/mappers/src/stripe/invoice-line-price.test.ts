import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { invoiceLinePrice } from './invoice-line-price';
import { makePrice } from './test-fixtures/make-price';

const expanded = makePrice({ id: 'price_expanded' });
const pricing = (price: string | Stripe.Price): Stripe.InvoiceLineItem.Pricing => ({
  type: 'price_details',
  unit_amount_decimal: '2000',
  price_details: { price, product: 'prod_123' },
});

describe('invoiceLinePrice', () => {
  it.each<[string, Stripe.InvoiceLineItem.Pricing | null, unknown]>([
    ['reads a price id from pricing.price_details', pricing('price_1'), { id: 'price_1' }],
    ['returns an expanded price with its id', pricing(expanded), { id: 'price_expanded', expanded }],
    ['a line without pricing has no price', null, undefined],
    [
      'pricing without price_details has no price',
      { type: 'price_details', unit_amount_decimal: null },
      undefined,
    ],
  ])('%s', (_rule, linePricing, expected) => {
    expect(invoiceLinePrice({ pricing: linePricing })).toEqual(expected);
  });
});
