import type Stripe from 'stripe';
import { buildDispute } from '../objects/build-dispute.js';
import type { OpsContext } from './ops-context.js';

/** Opens a dispute on a charge (`disputed: true`); emits `charge.dispute.created`. */
export function createDispute(
  ctx: OpsContext,
  charge: Stripe.Charge,
  input: { amount?: number; reason?: string } = {},
): Stripe.Dispute {
  const dispute = ctx.store.insert(buildDispute(charge, input, ctx.store.now()));
  charge.disputed = true;
  ctx.emit('charge.dispute.created', dispute);
  return dispute;
}
