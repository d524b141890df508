import type { ProvisioningContext } from './provisioning-context';
import { workspaceSettings } from './revoke-payment-licenses';

/**
 * Why a payment's licenses must not work, read from Stripe now: `refunded` after a refund (a partial
 * one only where the workspace does not say `partialRefundAction: 'none'`), `disputed` when disputes disable licenses; else null.
 * The same rules as the refund and dispute handlers, applied when licenses are created late.
 */
export async function paymentRevocation(
  ctx: ProvisioningContext,
  paymentIntentId: string,
): Promise<string | null> {
  const charges = await ctx.stripe.charges.list({ payment_intent: paymentIntentId, limit: 10 });
  if (charges.data.length === 0) return null;
  const settings = await workspaceSettings(ctx);
  for (const charge of charges.data) {
    if (charge.refunded) return 'refunded';
    if (charge.amount_refunded > 0 && settings.partialRefundAction !== 'none') return 'refunded';
    if (charge.disputed && settings.disableOnDispute) return 'disputed';
  }
  return null;
}
