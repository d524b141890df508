import type Stripe from 'stripe';
import { buildInvoicePayment } from '../objects/build-invoice-payment.js';
import { collectPayment } from './collect-payment.js';
import type { OpsContext } from './ops-context.js';
import { succeedPayment } from './succeed-payment.js';

/**
 * Pays an open invoice: reuses the payment intent of an earlier failed attempt or charges anew, links
 * it through an InvoicePayment, and emits `invoice.paid` then `invoice.payment_succeeded`.
 * A zero-amount invoice (trial) is paid without any payment. `paidBy` links a payment that already
 * succeeded elsewhere (a payment-mode checkout with invoice creation) instead of charging again.
 */
export function payInvoice(
  ctx: OpsContext,
  invoice: Stripe.Invoice,
  customer: Stripe.Customer | null,
  paidBy?: { paymentIntent: Stripe.PaymentIntent; charge: Stripe.Charge | null },
): { paymentIntent: Stripe.PaymentIntent | null; charge: Stripe.Charge | null } {
  const { store } = ctx;
  let paymentIntent: Stripe.PaymentIntent | null = paidBy?.paymentIntent ?? null;
  let charge: Stripe.Charge | null = paidBy?.charge ?? null;
  if (paidBy) {
    linkPayment(ctx, invoice, paidBy.paymentIntent.id);
  } else if (invoice.amount_due > 0) {
    const billing = { email: customer?.email ?? null, name: customer?.name ?? null };
    const openPayment = store
      .all<Stripe.InvoicePayment>('invoice_payment')
      .find((payment) => payment.invoice === invoice.id && payment.status === 'open');
    const existing = openPayment?.payment.payment_intent;
    if (openPayment && typeof existing === 'string') {
      paymentIntent = store.get<Stripe.PaymentIntent>('payment_intent', existing);
      charge = succeedPayment(ctx, paymentIntent, billing);
    } else {
      ({ paymentIntent, charge } = collectPayment(ctx, {
        ...billing,
        amount: invoice.amount_due,
        currency: invoice.currency,
        customer,
        description:
          invoice.billing_reason === 'subscription_create' ? 'Subscription creation' : 'Subscription update',
        outcome: 'succeeded',
      }));
    }
    linkPayment(ctx, invoice, paymentIntent.id, openPayment);
  }
  Object.assign(invoice, {
    status: 'paid',
    amount_paid: invoice.amount_due,
    amount_remaining: 0,
    attempted: true,
    attempt_count: invoice.attempt_count + (invoice.amount_due > 0 ? 1 : 0),
    next_payment_attempt: null,
    status_transitions: { ...invoice.status_transitions, paid_at: store.now() },
  } satisfies Partial<Stripe.Invoice>);
  ctx.emit('invoice.paid', invoice);
  ctx.emit('invoice.payment_succeeded', invoice);
  return { paymentIntent, charge };
}

function linkPayment(
  ctx: OpsContext,
  invoice: Stripe.Invoice,
  paymentIntent: string,
  existing?: Stripe.InvoicePayment,
): void {
  const { store } = ctx;
  const payment = existing ?? store.insert(buildInvoicePayment(invoice, paymentIntent, store.now()));
  Object.assign(payment, {
    status: 'paid',
    amount_paid: invoice.amount_due,
    status_transitions: { canceled_at: null, paid_at: store.now() },
  });
}
