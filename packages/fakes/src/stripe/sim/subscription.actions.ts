import type Stripe from 'stripe';
import { StripeApiError } from '../http/stripe-api-error.js';
import { applySubscriptionChanges } from '../ops/apply-subscription-changes.js';
import { cancelSubscription } from '../ops/cancel-subscription.js';
import type { OpsContext } from '../ops/ops-context.js';
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
  }): SimResult<Billed>;
  /** Next period: items advance one interval, a paid `subscription_cycle` invoice (declined with `paymentFails`). */
  renewSubscription(id: string, options?: { paymentFails?: boolean }): SimResult<Billed>;
  /** `customer.subscription.updated` with `previous_attributes.items`. itemIndex defaults to 0. */
  updateSubscriptionQuantity(id: string, quantity: number, options?: { itemIndex?: number }): Updated;
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
    renewSubscription: (id, options) => rt.act((ctx) => rendered(renewSubscription(ctx, id, options))),
    updateSubscriptionQuantity: (id, quantity, options = {}) =>
      change(id, (ctx, subscription) => {
        const index = options.itemIndex ?? 0;
        const item = ctx.store.children<Stripe.SubscriptionItem>('subscription_item', id)[index];
        if (!item) throw StripeApiError.invalid(`Subscription ${id} has no item at index ${index}.`);
        applySubscriptionChanges(ctx.store, subscription, { items: [{ id: item.id, quantity }] });
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
