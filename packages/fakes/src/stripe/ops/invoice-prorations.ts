import type Stripe from 'stripe';
import { createInvoice } from './create-invoice.js';
import { finalizeInvoice } from './finalize-invoice.js';
import type { OpsContext } from './ops-context.js';
import { payInvoice } from './pay-invoice.js';

/** An item's price before a change, to bill the difference for the rest of its period. */
export interface PriceChange {
  item: Stripe.SubscriptionItem;
  previousPrice: Stripe.Price;
  previousQuantity: number;
}

/**
 * `proration_behavior: always_invoice`, as Stripe bills it: one `subscription_update` invoice with a
 * proration line per changed item for the rest of the current period (the new price's share of
 * what remains, less the old one's; never below zero here, credits are not modelled), finalized
 * and charged at once. The period itself does not move. Emits the invoice's and payment's events.
 */
export function invoiceProrations(
  ctx: OpsContext,
  subscription: Stripe.Subscription,
  changes: PriceChange[],
): Stripe.Invoice | null {
  const { store } = ctx;
  const now = store.now();
  const lines = changes.map(({ item, previousPrice, previousQuantity }) => {
    const { current_period_start: start, current_period_end: end } = item;
    const remaining = end > start ? Math.max(0, end - now) / (end - start) : 0;
    const after = (item.price.unit_amount ?? 0) * (item.quantity ?? 1);
    const before = (previousPrice.unit_amount ?? 0) * previousQuantity;
    return {
      price: store.get<Stripe.Price>('price', item.price.id),
      quantity: item.quantity ?? 1,
      period: { start: now, end },
      subscriptionItem: item.id,
      amount: Math.max(0, Math.round((after - before) * remaining)),
      proration: true,
    };
  });
  if (lines.length === 0) return null;
  const customer = store.find<Stripe.Customer>(String(subscription.customer)) ?? null;
  const invoice = createInvoice(ctx, {
    customer,
    currency: subscription.currency,
    billingReason: 'subscription_update',
    subscription,
    periodStart: now,
    periodEnd: now,
    lines,
  });
  subscription.latest_invoice = invoice.id;
  ctx.emit('invoice.created', invoice);
  finalizeInvoice(ctx, invoice, customer);
  if (subscription.collection_method !== 'send_invoice') payInvoice(ctx, invoice, customer);
  return invoice;
}
