import type Stripe from 'stripe';
import { StripeApiError } from '../http/stripe-api-error.js';
import { applySubscriptionChanges } from '../ops/apply-subscription-changes.js';
import { cancelSubscription } from '../ops/cancel-subscription.js';
import { changeSubscriptionItems } from '../ops/change-subscription-items.js';
import type { OpsContext } from '../ops/ops-context.js';
import { payInvoice } from '../ops/pay-invoice.js';
import { renewSubscription } from '../ops/renew-subscription.js';
import { startSubscription } from '../ops/start-subscription.js';
import { updateSubscription } from '../ops/update-subscription.js';
import type { SimResult, SimRuntime } from './sim-runtime.js';
import { subscriptionStatusAction } from './subscription-status.action.js';

type Billed = {
  subscription: Stripe.Subscription;
  invoice: Stripe.Invoice | null;
  paymentIntent: Stripe.PaymentIntent | null;
  charge: Stripe.Charge | null;
};
type Updated = SimResult<{ subscription: Stripe.Subscription }>;

export interface SubscriptionActions {
  /** Without checkout. A trial gives status `trialing`, `trial_end`, and a $0 first invoice. */
  createSubscription(input: {
    customer: string;
    items: { price: string; quantity?: number }[];
    trialDays?: number;
    metadata?: Record<string, string>;
    collectionMethod?: Stripe.Subscription.CollectionMethod;
    daysUntilDue?: number;
  }): SimResult<Billed>;
  /** The customer pays an open invoice (a sent one, or a declined one retried): `invoice.paid`; past_due → active. */
  payInvoice(invoiceId: string): SimResult<{ invoice: Stripe.Invoice }>;
  /**
   * Next period: items advance one interval (status unchanged) and a `subscription_cycle` invoice is
   * paid; declined with `paymentFails` (then `past_due`); left open with `send_invoice`.
   */
  renewSubscription(id: string, options?: { paymentFails?: boolean }): SimResult<Billed>;
  /** `customer.subscription.updated` with `previous_attributes.items`. itemIndex defaults to 0. */
  updateSubscriptionQuantity(id: string, quantity: number, options?: { itemIndex?: number }): Updated;
  /**
   * A plan change: a new price on the same subscription item (itemIndex defaults to 0); with
   * `always_invoice` a paid `subscription_update` invoice bills the proration at once.
   */
  changeSubscriptionPrice(
    id: string,
    price: string,
    options?: {
      itemIndex?: number;
      quantity?: number;
      prorationBehavior?: 'none' | 'create_prorations' | 'always_invoice';
    },
  ): Updated;
  setSubscriptionStatus(id: string, status: Stripe.Subscription.Status): Updated;
  /** Pauses payment collection (`pause_collection`), the API's pause; behavior defaults to `void`. */
  pauseSubscription(
    id: string,
    options?: { behavior?: Stripe.Subscription.PauseCollection.Behavior; resumesAt?: number },
  ): Updated;
  resumeSubscription(id: string): Updated;
  cancelAtPeriodEnd(id: string, cancel: boolean): Updated;
  /** Ends it now: `customer.subscription.deleted`. */
  cancelSubscription(id: string, options?: { comment?: string }): Updated;
}

export function subscriptionActions(rt: SimRuntime): SubscriptionActions {
  const rendered = (billed: Billed) => ({
    subscription: rt.render(billed.subscription),
    invoice: rt.renderOrNull(billed.invoice),
    paymentIntent: rt.renderOrNull(billed.paymentIntent),
    charge: rt.renderOrNull(billed.charge),
  });
  const change = (id: string, mutate: (ctx: OpsContext, subscription: Stripe.Subscription) => void) =>
    rt.act((ctx) => ({ subscription: rt.render(updateSubscription(ctx, id, (sub) => mutate(ctx, sub))) }));

  return {
    createSubscription: (input) =>
      rt.act((ctx) => {
        const customer = ctx.store.get<Stripe.Customer>('customer', input.customer, 'customer');
        return rendered(startSubscription(ctx, { ...input, customer }));
      }),
    payInvoice: (invoiceId) =>
      rt.act((ctx) => {
        const invoice = ctx.store.get<Stripe.Invoice>('invoice', invoiceId);
        if (invoice.status !== 'open') throw StripeApiError.invalid(`Invoice ${invoiceId} is not open.`);
        const customer = ctx.store.find<Stripe.Customer>(String(invoice.customer)) ?? null;
        payInvoice(ctx, invoice, customer);
        // Paying the latest invoice brings a past_due subscription back to active.
        const subId = invoice.parent?.subscription_details?.subscription;
        const sub = subId ? ctx.store.find<Stripe.Subscription>(String(subId)) : undefined;
        if (sub && sub.status === 'past_due' && sub.latest_invoice === invoice.id) {
          updateSubscription(ctx, sub.id, (current) => {
            current.status = 'active';
          });
        }
        return { invoice: rt.render(invoice) };
      }),
    renewSubscription: (id, options) => rt.act((ctx) => rendered(renewSubscription(ctx, id, options))),
    updateSubscriptionQuantity: (id, quantity, options = {}) =>
      change(id, (ctx, subscription) => {
        const index = options.itemIndex ?? 0;
        const item = ctx.store.children<Stripe.SubscriptionItem>('subscription_item', id)[index];
        if (!item) throw StripeApiError.invalid(`Subscription ${id} has no item at index ${index}.`);
        applySubscriptionChanges(ctx.store, subscription, { items: [{ id: item.id, quantity }] });
      }),
    changeSubscriptionPrice: (id, price, options = {}) =>
      rt.act((ctx) => {
        const index = options.itemIndex ?? 0;
        const item = ctx.store.children<Stripe.SubscriptionItem>('subscription_item', id)[index];
        if (!item) throw StripeApiError.invalid(`Subscription ${id} has no item at index ${index}.`);
        const changes = { items: [{ id: item.id, price, quantity: options.quantity }] };
        return {
          subscription: rt.render(changeSubscriptionItems(ctx, id, changes, options.prorationBehavior)),
        };
      }),
    setSubscriptionStatus: subscriptionStatusAction(rt),
    pauseSubscription: (id, options = {}) =>
      change(id, (ctx, subscription) =>
        applySubscriptionChanges(ctx.store, subscription, {
          pauseCollection: { behavior: options.behavior ?? 'void', resumes_at: options.resumesAt ?? null },
        }),
      ),
    resumeSubscription: (id) =>
      change(id, (ctx, subscription) =>
        applySubscriptionChanges(ctx.store, subscription, { pauseCollection: null }),
      ),
    cancelAtPeriodEnd: (id, cancel) =>
      change(id, (ctx, subscription) =>
        applySubscriptionChanges(ctx.store, subscription, { cancelAtPeriodEnd: cancel }),
      ),
    cancelSubscription: (id, options = {}) =>
      rt.act((ctx) => ({
        subscription: rt.render(cancelSubscription(ctx, id, { comment: options.comment })),
      })),
  };
}
