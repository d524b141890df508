import { disableLicenses, recordActivity, schema } from '@licensync/core';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { HandlerContext, HandlerOutcome } from '../handler-context';
import { licensesForPayment } from './licenses-for-payment';
import { idOf } from './stripe-ids';

/**
 * `charge.refunded`: a full refund disables every license the payment paid for; a partial refund
 * is recorded and changes nothing unless the workspace says `partialRefundAction: 'disable'`.
 * Idempotent because disabling a disabled license changes nothing. Never terminal on its own.
 */
export async function runChargeRefunded(
  event: Stripe.ChargeRefundedEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  const charge = await ctx.stripe.charges.retrieve(event.data.object.id);
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return 'ignored';
  const ids = await licensesForPayment(ctx, paymentIntentId);
  const [workspace] = await ctx.db
    .select()
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, ctx.workspaceId));
  const full = charge.refunded;
  const act = full || workspace?.settings.partialRefundAction === 'disable';
  await ctx.db.transaction(async (tx) => {
    const changed = act
      ? await disableLicenses(tx, { workspaceId: ctx.workspaceId, ids, reason: 'refunded' })
      : [];
    await recordActivity(tx, {
      workspaceId: ctx.workspaceId,
      kind: full ? 'stripe.refund.full' : 'stripe.refund.partial',
      subjects: [`stripe:${charge.id}`, `stripe:${paymentIntentId}`, ...ids.map((id) => `license:${id}`)],
      outcome: 'ok',
      message: `${charge.amount_refunded} of ${charge.amount} ${charge.currency} refunded; ${changed.length} license(s) disabled`,
      detail: { amountRefunded: charge.amount_refunded, amount: charge.amount, disabled: changed },
    });
  });
  return 'processed';
}
