import type Stripe from 'stripe';
import { buildSubscription } from '../objects/build-subscription.js';
import { buildSubscriptionItem } from '../objects/build-subscription-item.js';
import { addInterval } from './add-interval.js';
import { createInvoice } from './create-invoice.js';
import { finalizeInvoice } from './finalize-invoice.js';
import type { OpsContext } from './ops-context.js';
import { payInvoice } from './pay-invoice.js';
import { recurringPrice } from './recurring-price.js';

export interface StartSubscriptionInput {
  customer: Stripe.Customer;
  items: { price: string; quantity?: number }[];
  trialDays?: number;
  metadata?: Record<string, string>;
  /** One-time prices billed once on the first invoice (the API's `add_invoice_items`). */
  addInvoiceItems?: { price: string; quantity?: number }[];
  /** `send_invoice`: every invoice is left open for the customer to pay within `daysUntilDue` (default 30). */
  collectionMethod?: Stripe.Subscription.CollectionMethod;
  daysUntilDue?: number;
}

export interface StartedSubscription {
  subscription: Stripe.Subscription;
  invoice: Stripe.Invoice;
  paymentIntent: Stripe.PaymentIntent | null;
  charge: Stripe.Charge | null;
}

/**
 * A subscription with its first invoice paid (`billing_reason: subscription_create`). With a trial
 * the status is `trialing`, every item's period ends at `trial_end` and the first invoice is $0.
 * Emits `customer.subscription.created`, `invoice.created|finalized`, the payment's events, `invoice.paid`
 * (with `send_invoice`, the first invoice stays open instead).
 */
export function startSubscription(ctx: OpsContext, input: StartSubscriptionInput): StartedSubscription {
  const { store } = ctx;
  const now = store.now();
  const prices = input.items.map((item, index) =>
    recurringPrice(store, item.price, `items[${index}][price]`),
  );
  const trialEnd = input.trialDays ? now + input.trialDays * 86_400 : null;
  const subscription = store.insert(
    buildSubscription(
      {
        customer: input.customer.id,
        currency: prices[0]?.currency ?? 'usd',
        status: trialEnd ? 'trialing' : 'active',
        trialEnd,
        metadata: input.metadata,
      },
      now,
    ),
  );
  if (input.collectionMethod === 'send_invoice') {
    Object.assign(subscription, {
      collection_method: 'send_invoice',
      days_until_due: input.daysUntilDue ?? 30,
    });
  }
  const items = prices.map((price, index) => {
    const periodEnd = trialEnd ?? addInterval(now, price.recurring.interval, price.recurring.interval_count);
    const quantity = input.items[index]?.quantity ?? 1;
    const item = buildSubscriptionItem(
      { subscription: subscription.id, price, quantity, periodStart: now, periodEnd },
      now,
    );
    return store.insert(item, { parent: subscription.id });
  });

  const invoice = createInvoice(ctx, {
    customer: input.customer,
    currency: subscription.currency,
    billingReason: 'subscription_create',
    subscription,
    periodStart: now,
    periodEnd: now,
    lines: items
      .map((item) => ({
        price: item.price,
        quantity: item.quantity ?? 1,
        period: { start: item.current_period_start, end: item.current_period_end },
        subscriptionItem: item.id,
        amount: trialEnd ? 0 : undefined,
      }))
      .concat(
        (input.addInvoiceItems ?? []).map((extra) => ({
          price: store.get<Stripe.Price>('price', extra.price, 'add_invoice_items[price]'),
          quantity: extra.quantity ?? 1,
          period: { start: now, end: now },
          subscriptionItem: undefined as unknown as string,
          amount: undefined,
        })),
      ),
  });
  subscription.latest_invoice = invoice.id;
  ctx.emit('customer.subscription.created', subscription);
  ctx.emit('invoice.created', invoice);
  finalizeInvoice(ctx, invoice, input.customer);
  // A sent invoice waits for the customer; the subscription is active meanwhile.
  if (subscription.collection_method === 'send_invoice' && invoice.amount_due > 0) {
    return { subscription, invoice, paymentIntent: null, charge: null };
  }
  const payment = payInvoice(ctx, invoice, input.customer);
  return { subscription, invoice, ...payment };
}
