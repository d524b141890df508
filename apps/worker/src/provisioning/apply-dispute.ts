import { DISABLE_REASONS } from '@licensync/core/licenses';
import type { RevocationOutcome } from './apply-charge-refund';
import { hasActivity } from './has-activity';
import { licensesForPayment } from './licenses-for-payment';
import type { ProvisioningContext } from './provisioning-context';
import { revokeAndRecord, workspaceSettings } from './revoke-payment-licenses';
import { idOf } from './stripe-ids';

/**
 * Applies a dispute: disables the disputed payment's licenses when the workspace asks for it
 * (`disableOnDispute`); otherwise records it. Run by `charge.dispute.created` and by the
 * stripe-reconcile, which passes `onlyUnrecorded` to skip a dispute already in the history.
 * Idempotent like a refund.
 */
export async function applyDispute(
  ctx: ProvisioningContext,
  disputeId: string,
  opts: { onlyUnrecorded?: boolean } = {},
): Promise<RevocationOutcome> {
  const dispute = await ctx.stripe.disputes.retrieve(disputeId);
  const kind = 'stripe.dispute.created';
  if (opts.onlyUnrecorded && (await hasActivity(ctx, { kind, subject: `stripe:${dispute.id}` })))
    return { outcome: 'ignored', disabled: 0 };
  const charge = await ctx.stripe.charges.retrieve(idOf(dispute.charge)!);
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return { outcome: 'ignored', disabled: 0 };
  const ids = await licensesForPayment(ctx, paymentIntentId);
  const changed = await revokeAndRecord(ctx, {
    ids,
    act: (await workspaceSettings(ctx)).disableOnDispute === true,
    reason: DISABLE_REASONS.disputed,
    activity: (disabled) => ({
      kind,
      subjects: [
        `stripe:${dispute.id}`,
        `stripe:${charge.id}`,
        `stripe:${paymentIntentId}`,
        ...ids.map((id) => `license:${id}`),
      ],
      message: `dispute ${dispute.id} (${dispute.reason}); ${disabled.length} license(s) disabled`,
    }),
  });
  return { outcome: 'processed', disabled: changed.length };
}
