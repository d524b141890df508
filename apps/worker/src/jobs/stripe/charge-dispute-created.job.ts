import { disableLicenses, recordActivity, schema } from '@licensync/core';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { HandlerContext, HandlerOutcome } from '../handler-context';
import { licensesForPayment } from './licenses-for-payment';
import { idOf } from './stripe-ids';

/**
 * `charge.dispute.created`: disables the disputed payment's licenses when the workspace asks for
 * it (`disableOnDispute`); otherwise records the dispute. Idempotent like a refund.
 */
export async function runChargeDisputeCreated(
  event: Stripe.ChargeDisputeCreatedEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  const dispute = await ctx.stripe.disputes.retrieve(event.data.object.id);
  const charge = await ctx.stripe.charges.retrieve(idOf(dispute.charge)!);
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return 'ignored';
  const ids = await licensesForPayment(ctx, paymentIntentId);
  const [workspace] = await ctx.db
    .select()
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, ctx.workspaceId));
  const act = workspace?.settings.disableOnDispute === true;
  await ctx.db.transaction(async (tx) => {
    const changed = act
      ? await disableLicenses(tx, { workspaceId: ctx.workspaceId, ids, reason: 'disputed' })
      : [];
    await recordActivity(tx, {
      workspaceId: ctx.workspaceId,
      kind: 'stripe.dispute.created',
      subjects: [
        `stripe:${dispute.id}`,
        `stripe:${charge.id}`,
        `stripe:${paymentIntentId}`,
        ...ids.map((id) => `license:${id}`),
      ],
      outcome: 'ok',
      message: `dispute ${dispute.id} (${dispute.reason}); ${changed.length} license(s) disabled`,
    });
  });
  return 'processed';
}
