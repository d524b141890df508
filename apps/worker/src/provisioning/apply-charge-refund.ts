import { DISABLE_REASONS } from '@licensync/core/licenses';
import * as schema from '@licensync/core/schema';
import { sql } from 'drizzle-orm';
import { hasActivity } from './has-activity';
import { licensesForPayment } from './licenses-for-payment';
import type { ProvisioningContext, ProvisioningOutcome } from './provisioning-context';
import { revokeAndRecord, workspaceSettings } from './revoke-payment-licenses';
import { idOf } from './stripe-ids';

/** What applying a refund or dispute did: `ignored` when there was nothing to apply, and how many licenses it disabled. */
export interface RevocationOutcome {
  outcome: ProvisioningOutcome;
  disabled: number;
}

/**
 * Applies a charge's refunds as Stripe holds them now. The reference's rule: a refunded charge
 * deactivates every license linked to its payment intent, so a refund, full or partial, disables
 * them; only a workspace with `partialRefundAction: 'none'` records a partial one and changes nothing. Run by `charge.refunded` and by the stripe-reconcile, which
 * passes `onlyUnrecorded` to skip a refund already in the history (its event came). Idempotent
 * because disabling a disabled license changes nothing. Never terminal on its own.
 */
export async function applyChargeRefund(
  ctx: ProvisioningContext,
  chargeId: string,
  opts: { onlyUnrecorded?: boolean } = {},
): Promise<RevocationOutcome> {
  const charge = await ctx.stripe.charges.retrieve(chargeId);
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId || charge.amount_refunded === 0) return { outcome: 'ignored', disabled: 0 };
  const full = charge.refunded;
  const kind = full ? 'stripe.refund.full' : 'stripe.refund.partial';
  if (
    opts.onlyUnrecorded &&
    (await hasActivity(ctx, {
      kind,
      subject: `stripe:${charge.id}`,
      where: sql`(${schema.activityLog.detail}->>'amountRefunded')::bigint = ${charge.amount_refunded}`,
    }))
  )
    return { outcome: 'ignored', disabled: 0 };
  const ids = await licensesForPayment(ctx, paymentIntentId);
  const act = full || (await workspaceSettings(ctx)).partialRefundAction !== 'none';
  const changed = await revokeAndRecord(ctx, {
    ids,
    act,
    reason: DISABLE_REASONS.refunded,
    activity: (disabled) => ({
      kind,
      subjects: [`stripe:${charge.id}`, `stripe:${paymentIntentId}`, ...ids.map((id) => `license:${id}`)],
      message: `${charge.amount_refunded} of ${charge.amount} ${charge.currency} refunded; ${disabled.length} license(s) disabled`,
      detail: { amountRefunded: charge.amount_refunded, amount: charge.amount, disabled },
    }),
  });
  return { outcome: 'processed', disabled: changed.length };
}
