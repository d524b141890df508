import type Stripe from 'stripe';
import { newId } from '../store/new-id.js';

export interface InvoiceLineInput {
  invoice: string;
  price: Stripe.Price;
  quantity: number;
  period: { start: number; end: number };
  /** Set for subscription lines; one-off lines (payment-mode checkout invoices) have none. */
  subscription?: { id: string; item: string; proration?: boolean } | null;
  description?: string;
  /** Overrides unit_amount × quantity, e.g. 0 for a trial line. */
  amount?: number;
}

/** An invoice line in the basil+ shape: price under `pricing`, subscription under `parent`. */
export function buildInvoiceLineItem(input: InvoiceLineInput): Stripe.InvoiceLineItem {
  const amount = input.amount ?? (input.price.unit_amount ?? 0) * input.quantity;
  const productId = typeof input.price.product === 'string' ? input.price.product : input.price.product.id;
  const { subscription } = input;
  return {
    id: newId('il'),
    object: 'line_item',
    amount,
    currency: input.price.currency,
    description: input.description ?? null,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: input.invoice,
    livemode: false,
    metadata: {},
    parent: subscription
      ? {
          type: 'subscription_item_details',
          invoice_item_details: null,
          subscription_item_details: {
            invoice_item: null,
            proration: subscription.proration ?? false,
            proration_details: { credited_items: null },
            subscription: subscription.id,
            subscription_item: subscription.item,
          },
        }
      : {
          type: 'invoice_item_details',
          subscription_item_details: null,
          invoice_item_details: {
            invoice_item: newId('ii'),
            proration: false,
            proration_details: { credited_items: null },
            subscription: null,
          },
        },
    period: input.period,
    pretax_credit_amounts: [],
    pricing: {
      type: 'price_details',
      price_details: { price: input.price.id, product: productId },
      unit_amount_decimal: input.price.unit_amount_decimal,
    },
    quantity: input.quantity,
    subscription: subscription?.id ?? null,
    subtotal: amount,
    taxes: [],
  };
}
