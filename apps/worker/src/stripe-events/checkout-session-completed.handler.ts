import type Stripe from 'stripe';
import { provisionCheckoutSession } from '../provisioning/provision-checkout-session';
import type { HandlerContext, HandlerOutcome } from './stripe-event-handler';

/**
 * `checkout.session.completed` and `checkout.session.async_payment_succeeded`: licenses for a paid
 * one-off purchase (see `provisionCheckoutSession`, which the stripe-reconcile runs too).
 * Idempotent because every license is keyed by session, line item and unit. Terminal when the
 * session has no email, or a price's metadata or the catalog is wrong.
 */
export async function runCheckoutSessionCompleted(
  event: Stripe.CheckoutSessionCompletedEvent | Stripe.CheckoutSessionAsyncPaymentSucceededEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  return (await provisionCheckoutSession(ctx, event.data.object.id)).outcome;
}
