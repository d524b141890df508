import type Stripe from 'stripe';
import { cancelSubscription } from '../ops/cancel-subscription.js';
import { payInvoice } from '../ops/pay-invoice.js';
import { renewSubscription } from '../ops/renew-subscription.js';
import { updateSubscription } from '../ops/update-subscription.js';
import type { SimResult, SimRuntime } from './sim-runtime.js';

/**
 * Moves a subscription to `status` the way Stripe gets there, not by flipping a field:
 * - `past_due`: a renewal whose payment is declined (periods advance, open invoice, `invoice.payment_failed`),
 *   or, with `send_invoice` and the latest invoice open, that invoice's due date passing;
 * - `active` from `past_due`/`unpaid`: the open latest invoice gets paid (`invoice.paid`);
 * - `paused` / back to `active`: also `customer.subscription.paused` / `.resumed`;
 * - `canceled`: `customer.subscription.deleted`.
 * Other statuses only change the field. Every change emits `customer.subscription.updated`.
 */
export function subscriptionStatusAction(rt: SimRuntime) {
  return (id: string, status: Stripe.Subscription.Status): SimResult<{ subscription: Stripe.Subscription }> =>
    rt.act((ctx) => {
      const { store } = ctx;
      const current = store.get<Stripe.Subscription>('subscription', id);
      if (status === 'canceled') return { subscription: rt.render(cancelSubscription(ctx, id)) };
      const open =
        typeof current.latest_invoice === 'string'
          ? store.find<Stripe.Invoice>(current.latest_invoice)
          : undefined;
      // A sent invoice past its due date: Stripe turns the subscription past_due, nothing else happens.
      const overdue = current.collection_method === 'send_invoice' && open?.status === 'open';
      if (status === 'past_due' && current.status !== 'past_due' && !overdue) {
        return { subscription: rt.render(renewSubscription(ctx, id, { paymentFails: true }).subscription) };
      }
      const previousStatus = current.status;
      const invoice =
        typeof current.latest_invoice === 'string'
          ? store.find<Stripe.Invoice>(current.latest_invoice)
          : undefined;
      if (status === 'active' && invoice?.status === 'open') {
        payInvoice(ctx, invoice, store.find<Stripe.Customer>(String(current.customer)) ?? null);
      }
      const subscription = updateSubscription(ctx, id, (sub) => {
        sub.status = status;
      });
      if (status === 'paused' && previousStatus !== 'paused')
        ctx.emit('customer.subscription.paused', subscription);
      if (previousStatus === 'paused' && status !== 'paused')
        ctx.emit('customer.subscription.resumed', subscription);
      return { subscription: rt.render(subscription) };
    });
}
