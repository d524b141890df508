import type Stripe from 'stripe';
import { applyDispute } from '../provisioning/apply-dispute';
import type { HandlerContext, HandlerOutcome } from './stripe-event-handler';

/**
 * `charge.dispute.created`: disables the disputed payment's licenses when the workspace asks for
 * it (`disableOnDispute`); otherwise records the dispute (see `applyDispute`, which the
 * stripe-reconcile runs too). Idempotent like a refund.
 */
export async function runChargeDisputeCreated(
  event: Stripe.ChargeDisputeCreatedEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  return (await applyDispute(ctx, event.data.object.id)).outcome;
}
