import type Stripe from 'stripe';
import type { HandlerContext, HandlerOutcome } from '../handler-context';
import { applyDispute } from './apply-dispute';

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
