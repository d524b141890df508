import type Stripe from 'stripe';
import { buildInvoicePayment } from '../objects/build-invoice-payment.js';
import { collectPayment } from './collect-payment.js';
import type { OpsContext } from './ops-context.js';

const RETRY_AFTER_SECONDS = 3 * 86_400;

/** A declined automatic charge: the invoice stays open with a retry scheduled; emits `invoice.payment_failed`. */
export function failInvoicePayment(
  ctx: OpsContext,
  invoice: Stripe.Invoice,
  customer: Stripe.Customer | null,
): Stripe.PaymentIntent {
  const { store } = ctx;
  const { paymentIntent } = collectPayment(ctx, {
    amount: invoice.amount_due,
    currency: invoice.currency,
    customer,
    email: customer?.email ?? null,
    description: 'Subscription update',
    outcome: 'failed',
  });
  store.insert(buildInvoicePayment(invoice, paymentIntent.id, store.now()));
  Object.assign(invoice, {
    attempted: true,
    attempt_count: invoice.attempt_count + 1,
    next_payment_attempt: store.now() + RETRY_AFTER_SECONDS,
  } satisfies Partial<Stripe.Invoice>);
  ctx.emit('invoice.payment_failed', invoice);
  return paymentIntent;
}
