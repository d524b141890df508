import type Stripe from 'stripe';
import { collectPayment } from '../ops/collect-payment.js';
import { createInvoice } from '../ops/create-invoice.js';
import { finalizeInvoice } from '../ops/finalize-invoice.js';
import type { OpsContext } from '../ops/ops-context.js';
import { payInvoice } from '../ops/pay-invoice.js';

export interface CheckoutPaymentInput {
  customer: Stripe.Customer | null;
  email: string | null;
  currency: string;
  amountTotal: number;
  prices: Stripe.Price[];
  lineItems: { quantity?: number }[];
  paid: boolean;
  invoiceCreation: boolean;
}

/**
 * The money side of a payment-mode checkout: a payment intent that succeeded (with a charge) or is
 * still processing, and with `invoice_creation` a one-off invoice paid by that same payment intent.
 */
export function checkoutPayment(ctx: OpsContext, input: CheckoutPaymentInput) {
  const { paymentIntent, charge } = collectPayment(ctx, {
    amount: input.amountTotal,
    currency: input.currency,
    customer: input.customer,
    email: input.email,
    description: null,
    outcome: input.paid ? 'succeeded' : 'processing',
  });
  let invoice: Stripe.Invoice | null = null;
  if (input.invoiceCreation) {
    const now = ctx.store.now();
    invoice = createInvoice(ctx, {
      customer: input.customer,
      currency: input.currency,
      billingReason: 'manual',
      periodStart: now,
      periodEnd: now,
      lines: input.prices.map((price, index) => ({
        price,
        quantity: input.lineItems[index]?.quantity ?? 1,
        period: { start: now, end: now },
      })),
    });
    ctx.emit('invoice.created', invoice);
    finalizeInvoice(ctx, invoice, input.customer);
    if (input.paid) payInvoice(ctx, invoice, input.customer, { paymentIntent, charge });
  }
  return { paymentIntent, charge, invoice, subscription: null };
}
