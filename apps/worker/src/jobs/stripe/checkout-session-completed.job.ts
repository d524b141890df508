import { PermanentError } from '@licensync/core';
import type Stripe from 'stripe';
import type { HandlerContext, HandlerOutcome } from '../handler-context';
import { provisionLineItems } from './provision-line-items';
import { fromUnix, idOf } from './stripe-ids';

/**
 * `checkout.session.completed` and `checkout.session.async_payment_succeeded`: licenses for a paid
 * one-off purchase. Sessions tied to an invoice or a subscription are left to `invoice.paid`; an
 * unpaid session (delayed payment method) waits for `async_payment_succeeded`.
 * Idempotent because every license is keyed by session, line item and unit. Terminal when the
 * session has no email, or a price's metadata or the catalog is wrong.
 */
export async function runCheckoutSessionCompleted(
  event: Stripe.CheckoutSessionCompletedEvent | Stripe.CheckoutSessionAsyncPaymentSucceededEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  // Re-read the session: the payload is rendered in the endpoint's API version and may be stale.
  const session = await ctx.stripe.checkout.sessions.retrieve(event.data.object.id);
  if (session.mode !== 'payment' || session.invoice || session.subscription) return 'ignored';
  if (session.payment_status === 'unpaid') return 'ignored';
  const email = session.customer_details?.email ?? session.customer_email;
  if (!email) throw new PermanentError(`checkout session ${session.id} has no customer email to license`);

  const lineItems = await ctx.stripe.checkout.sessions
    .listLineItems(session.id, { limit: 100, expand: ['data.price.product'] })
    .autoPagingToArray({ limit: 10_000 });
  const startsAt = fromUnix(session.created) ?? new Date();

  await provisionLineItems(ctx, {
    source: { kind: 'checkout_session', id: session.id },
    customer: {
      email,
      name: session.customer_details?.name ?? null,
      stripeCustomerId: idOf(session.customer),
    },
    refs: { stripeCheckoutSessionId: session.id, stripePaymentIntentId: idOf(session.payment_intent) },
    items: lineItems.flatMap((li) =>
      li.price ? [{ id: li.id, price: li.price, quantity: li.quantity ?? 1, startsAt }] : [],
    ),
  });
  return 'processed';
}
