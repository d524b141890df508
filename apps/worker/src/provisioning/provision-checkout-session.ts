import { PermanentError } from '@licensync/core/errors';
import { toHubspotDealId } from '@licensync/mappers';
import { provisionLineItems } from './provision-line-items';
import type { ProvisioningContext, ProvisioningOutcome } from './provisioning-context';
import { fromUnix, idOf } from './stripe-ids';

/** What provisioning a payment did: `ignored` when it is not ours to license, and how many licenses are new. */
export interface ProvisionOutcome {
  outcome: ProvisioningOutcome;
  created: number;
}

/**
 * Licenses a paid one-off checkout, read from Stripe now. Sessions tied to an invoice or a
 * subscription are left to the invoice; an unpaid session (delayed payment method) waits for its
 * payment. Run by `checkout.session.completed` and by the stripe-reconcile for sessions whose
 * event never came. Idempotent because every license is keyed by session, line item and unit.
 * Terminal when the session has no email, or a price's metadata or the catalog is wrong.
 */
export async function provisionCheckoutSession(
  ctx: ProvisioningContext,
  sessionId: string,
): Promise<ProvisionOutcome> {
  // Re-read the session: an event's payload is rendered in the endpoint's API version and may be stale.
  const session = await ctx.stripe.checkout.sessions.retrieve(sessionId);
  if (session.mode !== 'payment' || session.invoice || session.subscription)
    return { outcome: 'ignored', created: 0 };
  if (session.payment_status === 'unpaid') return { outcome: 'ignored', created: 0 };
  const email = session.customer_details?.email ?? session.customer_email;
  if (!email) throw new PermanentError(`checkout session ${session.id} has no customer email to license`);

  const lineItems = await ctx.stripe.checkout.sessions
    .listLineItems(session.id, { limit: 100, expand: ['data.price.product'] })
    .autoPagingToArray({ limit: 10_000 });
  const startsAt = fromUnix(session.created) ?? new Date();

  const { created } = await provisionLineItems(ctx, {
    source: { kind: 'checkout_session', id: session.id },
    customer: {
      email,
      name: session.customer_details?.name ?? null,
      stripeCustomerId: idOf(session.customer),
    },
    refs: { stripeCheckoutSessionId: session.id, stripePaymentIntentId: idOf(session.payment_intent) },
    hubspotDealId: toHubspotDealId(session.metadata),
    items: lineItems.flatMap((li) =>
      li.price ? [{ id: li.id, price: li.price, quantity: li.quantity ?? 1, startsAt }] : [],
    ),
  });
  return { outcome: 'processed', created: created.length };
}
