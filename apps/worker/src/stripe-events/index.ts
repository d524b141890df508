import { HANDLED_STRIPE_EVENTS, type HandledStripeEvent } from '@licensync/core/stripe';
import type Stripe from 'stripe';
import { runChargeDisputeCreated } from './charge-dispute-created.handler';
import { runChargeRefunded } from './charge-refunded.handler';
import { runCheckoutSessionCompleted } from './checkout-session-completed.handler';
import { runCustomerSubscriptionChanged } from './customer-subscription-changed.handler';
import { runInvoicePaid } from './invoice-paid.handler';
import { runMirrorCustomer } from './mirror-customer.handler';
import { runMirrorInvoice } from './mirror-invoice.handler';
import { runMirrorSubscription } from './mirror-subscription.handler';
import { runPriceChanged } from './price-changed.handler';
import type { StripeEventHandler, StripeEventRegistry } from './stripe-event-handler';

/**
 * The one place that answers "which Stripe events do we act on, and how". Each event type runs
 * its handlers in order; an event type not listed here is marked ignored, not failed.
 */
export const stripeEventHandlers = {
  'checkout.session.completed': [runCheckoutSessionCompleted],
  'checkout.session.async_payment_succeeded': [runCheckoutSessionCompleted],
  'invoice.paid': [runInvoicePaid, runMirrorInvoice],
  'invoice.created': [runMirrorInvoice],
  'invoice.finalized': [runMirrorInvoice],
  'invoice.payment_failed': [runMirrorInvoice],
  'invoice.voided': [runMirrorInvoice],
  'customer.created': [runMirrorCustomer],
  'customer.updated': [runMirrorCustomer],
  'customer.subscription.created': [runCustomerSubscriptionChanged, runMirrorSubscription],
  'customer.subscription.updated': [runCustomerSubscriptionChanged, runMirrorSubscription],
  'customer.subscription.deleted': [runCustomerSubscriptionChanged, runMirrorSubscription],
  'customer.subscription.paused': [runCustomerSubscriptionChanged],
  'customer.subscription.resumed': [runCustomerSubscriptionChanged],
  'charge.refunded': [runChargeRefunded],
  'charge.dispute.created': [runChargeDisputeCreated],
  'price.created': [runPriceChanged],
  'price.updated': [runPriceChanged],
} as const satisfies StripeEventRegistry;

export { HANDLED_STRIPE_EVENTS };

// The registry and core's list (which webhook endpoints subscribe to) name exactly the same events.
type Missing = Exclude<HandledStripeEvent, keyof typeof stripeEventHandlers>;
type Extra = Exclude<keyof typeof stripeEventHandlers, HandledStripeEvent>;
const sameEvents: [Missing, Extra] extends [never, never] ? true : never = true;
void sameEvents;

/**
 * The handlers of a stored event. The one widening cast: a stored event's `type` is the key it was
 * looked up by, so the handlers listed there accept it (the registry's type checks each entry).
 */
export function handlersFor(type: string): readonly StripeEventHandler<Stripe.Event>[] {
  const registry: StripeEventRegistry = stripeEventHandlers;
  return (registry[type as keyof StripeEventRegistry] ?? []) as readonly StripeEventHandler<Stripe.Event>[];
}
