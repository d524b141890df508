import type Stripe from 'stripe';
import type { StripeEventHandler } from './handler-context';
import { runChargeDisputeCreated } from './stripe/charge-dispute-created.job';
import { runChargeRefunded } from './stripe/charge-refunded.job';
import { runCheckoutSessionCompleted } from './stripe/checkout-session-completed.job';
import { runCustomerSubscriptionChanged } from './stripe/customer-subscription-updated.job';
import { runInvoicePaid } from './stripe/invoice-paid.job';
import { runMirrorCustomer } from './stripe/mirror-customer.job';
import { runMirrorInvoice } from './stripe/mirror-invoice.job';
import { runMirrorSubscription } from './stripe/mirror-subscription.job';
import { runPriceChanged } from './stripe/price-changed.job';

type Handlers = Partial<Record<Stripe.Event['type'], StripeEventHandler[]>>;
const h = (...fns: StripeEventHandler<never>[]) => fns as unknown as StripeEventHandler[];

/**
 * The one place that answers "which Stripe events do we act on, and how". Each event type runs
 * its handlers in order; an event type not listed here is marked ignored, not failed.
 */
export const stripeEventHandlers: Handlers = {
  'checkout.session.completed': h(runCheckoutSessionCompleted),
  'checkout.session.async_payment_succeeded': h(runCheckoutSessionCompleted),
  'invoice.paid': h(runInvoicePaid, runMirrorInvoice),
  'invoice.created': h(runMirrorInvoice),
  'invoice.finalized': h(runMirrorInvoice),
  'invoice.payment_failed': h(runMirrorInvoice),
  'invoice.voided': h(runMirrorInvoice),
  'customer.created': h(runMirrorCustomer),
  'customer.updated': h(runMirrorCustomer),
  'customer.subscription.created': h(runCustomerSubscriptionChanged, runMirrorSubscription),
  'customer.subscription.updated': h(runCustomerSubscriptionChanged, runMirrorSubscription),
  'customer.subscription.deleted': h(runCustomerSubscriptionChanged, runMirrorSubscription),
  'customer.subscription.paused': h(runCustomerSubscriptionChanged),
  'customer.subscription.resumed': h(runCustomerSubscriptionChanged),
  'charge.refunded': h(runChargeRefunded),
  'charge.dispute.created': h(runChargeDisputeCreated),
  'price.created': h(runPriceChanged),
  'price.updated': h(runPriceChanged),
};

export function handlersFor(type: string): StripeEventHandler[] {
  return (stripeEventHandlers as Record<string, StripeEventHandler[]>)[type] ?? [];
}
