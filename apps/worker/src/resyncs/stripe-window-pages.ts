import { invoiceSubscriptionId } from '@licensync/mappers';
import type Stripe from 'stripe';
import { idOf } from '../provisioning/stripe-ids';
import { type ReconcilePager, toReconcilePage } from './reconcile-page';

/** What the windowed lists share: objects created since `since` (unix seconds), of one customer if given. */
export interface WindowQuery {
  stripe: Stripe;
  since: number;
  customer: string | undefined;
  pageSize: number;
}

const listParams = (q: WindowQuery, startingAfter: string | null) => ({
  limit: q.pageSize,
  created: { gte: q.since },
  ...(startingAfter && { starting_after: startingAfter }),
});

/** Completed, paid one-off checkouts; those billed through an invoice are the invoices' to license. */
export const checkoutSessionPages =
  (q: WindowQuery): ReconcilePager =>
  async (startingAfter) =>
    toReconcilePage(
      await q.stripe.checkout.sessions.list({
        ...listParams(q, startingAfter),
        status: 'complete',
        ...(q.customer && { customer: q.customer }),
      }),
      (s) => s.mode === 'payment' && !s.invoice && !s.subscription && s.payment_status !== 'unpaid',
    );

/** Paid invoices of no subscription (a subscription's are the subscriptions phase's). */
export const oneOffInvoicePages =
  (q: WindowQuery): ReconcilePager =>
  async (startingAfter) =>
    toReconcilePage(
      await q.stripe.invoices.list({
        ...listParams(q, startingAfter),
        status: 'paid',
        ...(q.customer && { customer: q.customer }),
      }),
      (invoice) => !invoiceSubscriptionId(invoice),
    );

// Refunds and disputes cannot be listed by customer: their charge (expanded) says whose they are.
const ofCustomer = (q: WindowQuery) => (o: { charge: string | Stripe.Charge | null }) =>
  q.customer === undefined || (typeof o.charge === 'object' && idOf(o.charge?.customer) === q.customer);
const chargeExpansion = (q: WindowQuery) => (q.customer ? { expand: ['data.charge'] } : {});

/** Refunds made in the window, each reconciled as the charge it refunds (full or partial). */
export const refundedChargePages =
  (q: WindowQuery): ReconcilePager =>
  async (startingAfter) =>
    toReconcilePage(
      await q.stripe.refunds.list({ ...listParams(q, startingAfter), ...chargeExpansion(q) }),
      (refund) => refund.charge !== null && ofCustomer(q)(refund),
      (refund) => idOf(refund.charge)!,
    );

/** Disputes opened in the window. */
export const disputePages =
  (q: WindowQuery): ReconcilePager =>
  async (startingAfter) =>
    toReconcilePage(
      await q.stripe.disputes.list({ ...listParams(q, startingAfter), ...chargeExpansion(q) }),
      ofCustomer(q),
    );
