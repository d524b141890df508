import type Stripe from 'stripe';
import { applyChargeRefund } from '../provisioning/apply-charge-refund';
import type { HandlerContext, HandlerOutcome } from './stripe-event-handler';

/**
 * `charge.refunded`: a full refund disables every license the payment paid for; a partial refund
 * is recorded and changes nothing unless the workspace says so (see `applyChargeRefund`, which the
 * stripe-reconcile runs too). Idempotent because disabling a disabled license changes nothing.
 * Never terminal on its own.
 */
export async function runChargeRefunded(
  event: Stripe.ChargeRefundedEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  return (await applyChargeRefund(ctx, event.data.object.id)).outcome;
}
