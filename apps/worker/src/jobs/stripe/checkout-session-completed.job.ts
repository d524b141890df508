import { PermanentError } from '@licensync/core';
import type Stripe from 'stripe';
import type { HandlerContext, HandlerOutcome } from '../handler-context';
import { provisionLineItems } from './provision-line-items';

/**
 * `checkout.session.completed`: licenses for a paid one-off purchase.
 * Idempotent because every license is keyed by session, line item and unit. Terminal when the
 * session has no email to attach licenses to, or a price names an unknown product.
 */
export async function runCheckoutSessionCompleted(
  event: Stripe.CheckoutSessionCompletedEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  // Re-read the session: the payload is rendered in the endpoint's API version and may be stale.
  const session = await ctx.stripe.checkout.sessions.retrieve(event.data.object.id);
  if (session.mode !== 'payment') return 'ignored';
  if (session.invoice) return 'ignored';
  if (session.payment_status === 'unpaid') return 'ignored';
  const email = session.customer_details?.email ?? session.customer_email;
  if (!email) throw new PermanentError(`checkout session ${session.id} has no customer email`);

  const lineItems = await ctx.stripe.checkout.sessions
    .listLineItems(session.id, { limit: 100, expand: ['data.price.product'] })
    .autoPagingToArray({ limit: 10_000 });

  await provisionLineItems(ctx, {
    source: { kind: 'checkout_session', id: session.id },
    customer: {
      email,
      name: session.customer_details?.name ?? null,
      stripeCustomerId: typeof session.customer === 'string' ? session.customer : (session.customer?.id ?? null),
    },
    paymentIntentId: typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null),
    items: lineItems.map((li) => ({ id: li.id, price: li.price, quantity: li.quantity ?? 1 })),
  });
  return 'processed';
}
