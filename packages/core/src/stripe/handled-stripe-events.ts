/**
 * The Stripe event types licensync acts on: the worker's handler registry must have exactly these
 * keys (checked at compile time there), and a registered webhook endpoint subscribes to exactly
 * these. Lives in core so the api can register endpoints without importing the worker.
 */
export const HANDLED_STRIPE_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'invoice.paid',
  'invoice.created',
  'invoice.finalized',
  'invoice.payment_failed',
  'invoice.voided',
  'customer.created',
  'customer.updated',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'charge.refunded',
  'charge.dispute.created',
  'price.created',
  'price.updated',
] as const;

export type HandledStripeEvent = (typeof HANDLED_STRIPE_EVENTS)[number];
