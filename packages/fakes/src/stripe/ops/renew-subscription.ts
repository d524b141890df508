import type Stripe from 'stripe';
import { StripeApiError } from '../http/stripe-api-error.js';
import { nextPeriodEnd } from './add-interval.js';
import { cancelSubscription } from './cancel-subscription.js';
import { createInvoice } from './create-invoice.js';
import { failInvoicePayment } from './fail-invoice-payment.js';
import { finalizeInvoice } from './finalize-invoice.js';
import type { OpsContext } from './ops-context.js';
import { payInvoice } from './pay-invoice.js';
import { updateSubscription } from './update-subscription.js';

export interface RenewedSubscription {
  subscription: Stripe.Subscription;
  /** Null when the subscription was set to cancel at period end and ended instead. */
  invoice: Stripe.Invoice | null;
  paymentIntent: Stripe.PaymentIntent | null;
  charge: Stripe.Charge | null;
}

/**
 * The period boundary, as Stripe plays it: the clock jumps to the current period's end, each item's
 * period advances by its price's interval (`customer.subscription.updated`, the status unchanged:
 * Stripe keeps the subscription `active` while the new invoice is open and being collected), and a
 * `subscription_cycle` invoice is created and finalized. Then it is paid; or, when `paymentFails`,
 * declined, and only then does the subscription turn `past_due` (a second update); or, with
 * `collection_method: send_invoice`, left open for the customer to pay within `days_until_due`.
 * A subscription set to cancel at period end is canceled instead.
 */
export function renewSubscription(
  ctx: OpsContext,
  id: string,
  options: { paymentFails?: boolean } = {},
): RenewedSubscription {
  const { store } = ctx;
  const subscription = store.get<Stripe.Subscription>('subscription', id);
  if (subscription.status === 'canceled') throw StripeApiError.invalid(`Subscription ${id} is canceled.`);
  const items = store.children<Stripe.SubscriptionItem>('subscription_item', id);
  const boundary = Math.min(...items.map((item) => item.current_period_end));
  const previousStart = Math.min(...items.map((item) => item.current_period_start));
  store.advanceTo(boundary);
  if (subscription.cancel_at_period_end) {
    const ended = cancelSubscription(ctx, id, { reason: 'cancellation_requested' });
    return { subscription: ended, invoice: null, paymentIntent: null, charge: null };
  }

  const customer = store.get<Stripe.Customer>('customer', String(subscription.customer));
  let invoice: Stripe.Invoice | undefined;
  updateSubscription(ctx, id, (current) => {
    for (const item of items) {
      const recurring = item.price.recurring ?? { interval: 'month', interval_count: 1 };
      item.current_period_start = item.current_period_end;
      item.current_period_end = nextPeriodEnd(
        current.billing_cycle_anchor,
        item.current_period_end,
        recurring.interval,
        recurring.interval_count,
      );
    }
    if (current.status === 'trialing') current.status = 'active';
    // Stripe creates the invoice with the period change, so the update already names it.
    invoice = createCycleInvoice(ctx, current, customer, items, previousStart);
    current.latest_invoice = invoice.id;
  });
  if (!invoice) throw new Error('renewal produced no invoice');
  ctx.emit('invoice.created', invoice);
  finalizeInvoice(ctx, invoice, customer);
  if (subscription.collection_method === 'send_invoice') {
    return { subscription, invoice, paymentIntent: null, charge: null };
  }
  if (options.paymentFails) {
    const paymentIntent = failInvoicePayment(ctx, invoice, customer);
    updateSubscription(ctx, id, (current) => {
      current.status = 'past_due';
    });
    return { subscription, invoice, paymentIntent, charge: null };
  }
  return { subscription, invoice, ...payInvoice(ctx, invoice, customer) };
}

function createCycleInvoice(
  ctx: OpsContext,
  subscription: Stripe.Subscription,
  customer: Stripe.Customer,
  items: Stripe.SubscriptionItem[],
  previousStart: number,
): Stripe.Invoice {
  return createInvoice(ctx, {
    customer,
    currency: subscription.currency,
    billingReason: 'subscription_cycle',
    subscription,
    periodStart: previousStart,
    periodEnd: ctx.store.now(),
    lines: items.map((item) => ({
      price: ctx.store.get<Stripe.Price>('price', item.price.id),
      quantity: item.quantity ?? 1,
      period: { start: item.current_period_start, end: item.current_period_end },
      subscriptionItem: item.id,
    })),
  });
}
