import type Stripe from 'stripe';
import type { StripeEventHandler } from './handler-context';
import { runCheckoutSessionCompleted } from './stripe/checkout-session-completed.job';

/**
 * The one place that answers "which Stripe events do we act on". An event type not listed here is
 * marked ignored, not failed.
 */
export const stripeEventHandlers = {
  'checkout.session.completed': runCheckoutSessionCompleted as StripeEventHandler,
} satisfies Partial<Record<Stripe.Event['type'], StripeEventHandler>>;

export function handlerFor(type: string): StripeEventHandler | undefined {
  return (stripeEventHandlers as Record<string, StripeEventHandler>)[type];
}
