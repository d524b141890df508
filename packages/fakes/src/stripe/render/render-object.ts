import type Stripe from 'stripe';
import { buildPlan } from '../objects/build-plan.js';
import type { StripeRecord } from '../store/stripe-record.js';
import type { StripeStore } from '../store/stripe-store.js';
import { firstPage } from './first-page.js';

type Renderer = (store: StripeStore, record: StripeRecord) => StripeRecord;

// Embedded prices and child lists are read at render time so they always reflect the current state,
// as they do in Stripe (a price's new metadata shows up inside subscription items).
const renderers: Record<string, Renderer> = {
  subscription: (store, record) => {
    const subscription = record as Stripe.Subscription;
    const items = store.children<Stripe.SubscriptionItem>('subscription_item', subscription.id);
    return {
      ...subscription,
      items: {
        object: 'list',
        data: items.map((item) => renderSubscriptionItem(store, item)),
        has_more: false,
        url: `/v1/subscription_items?subscription=${subscription.id}`,
      },
    };
  },
  subscription_item: (store, record) => renderSubscriptionItem(store, record as Stripe.SubscriptionItem),
  invoice: (store, record) => {
    const invoice = record as Stripe.Invoice;
    const lines = store.children<Stripe.InvoiceLineItem>('line_item', invoice.id);
    return { ...invoice, lines: firstPage(lines, `/v1/invoices/${invoice.id}/lines`) };
  },
  item: (store, record) => {
    const item = record as Stripe.LineItem;
    return { ...item, price: item.price ? currentPrice(store, item.price.id) : null };
  },
};

function currentPrice(store: StripeStore, id: string): Stripe.Price {
  return store.get<Stripe.Price>('price', id);
}

function renderSubscriptionItem(store: StripeStore, item: Stripe.SubscriptionItem): Stripe.SubscriptionItem {
  const price = currentPrice(store, item.price.id);
  return { ...item, price, plan: buildPlan(price) };
}

/** The API representation of a stored object: a deep copy, with embedded lists and prices filled in. */
export function renderObject<T extends StripeRecord>(store: StripeStore, record: T): T {
  const renderer = renderers[record.object];
  return structuredClone(renderer ? renderer(store, record) : record) as T;
}
