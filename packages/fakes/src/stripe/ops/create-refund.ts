import type Stripe from 'stripe';
import { StripeApiError } from '../http/stripe-api-error.js';
import { buildRefund } from '../objects/build-refund.js';
import type { OpsContext } from './ops-context.js';

export interface CreateRefundInput {
  /** Cents; default: everything not yet refunded. */
  amount?: number;
  reason?: Stripe.Refund.Reason | null;
  metadata?: Record<string, string>;
}

/**
 * Refunds part or all of a charge. `amount_refunded` is cumulative and `refunded` turns true only
 * once nothing is left; emits `charge.refunded` (with previous_attributes) and `refund.created`.
 */
export function createRefund(
  ctx: OpsContext,
  charge: Stripe.Charge,
  input: CreateRefundInput = {},
): Stripe.Refund {
  const remaining = charge.amount_captured - charge.amount_refunded;
  if (remaining <= 0) {
    throw StripeApiError.invalid(
      `Charge ${charge.id} has already been refunded.`,
      undefined,
      'charge_already_refunded',
    );
  }
  const amount = input.amount ?? remaining;
  if (amount <= 0 || amount > remaining) {
    throw StripeApiError.invalid(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
      'amount',
      'amount_too_large',
    );
  }
  const refund = ctx.store.insert(buildRefund(charge, { ...input, amount }, ctx.store.now()));
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount_captured;
  ctx.emit(
    'charge.refunded',
    charge,
    charge.refunded ? previous : { amount_refunded: previous.amount_refunded },
  );
  ctx.emit('refund.created', refund);
  return refund;
}
