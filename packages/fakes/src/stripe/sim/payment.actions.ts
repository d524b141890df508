import type Stripe from 'stripe';
import { StripeApiError } from '../http/stripe-api-error.js';
import { createDispute } from '../ops/create-dispute.js';
import { createRefund } from '../ops/create-refund.js';
import type { StripeStore } from '../store/stripe-store.js';
import type { SimResult, SimRuntime } from './sim-runtime.js';

/** A charge id, or the payment intent whose latest charge is meant. */
export type ChargeTarget = string | { paymentIntent: string };

export interface PaymentActions {
  /** Partial when `amount` is less than what remains; emits `charge.refunded` and `refund.created`. */
  refundCharge(
    target: ChargeTarget,
    options?: { amount?: number; reason?: Stripe.Refund.Reason },
  ): SimResult<{ refund: Stripe.Refund; charge: Stripe.Charge }>;
  /** Emits `charge.dispute.created`; reason defaults to `fraudulent`. */
  disputeCharge(
    target: ChargeTarget,
    options?: { amount?: number; reason?: string },
  ): SimResult<{ dispute: Stripe.Dispute; charge: Stripe.Charge }>;
}

export function paymentActions(rt: SimRuntime): PaymentActions {
  return {
    refundCharge: (target, options = {}) =>
      rt.act((ctx) => {
        const charge = resolveCharge(ctx.store, target);
        const refund = createRefund(ctx, charge, options);
        return { refund: rt.render(refund), charge: rt.render(charge) };
      }),
    disputeCharge: (target, options = {}) =>
      rt.act((ctx) => {
        const charge = resolveCharge(ctx.store, target);
        const dispute = createDispute(ctx, charge, options);
        return { dispute: rt.render(dispute), charge: rt.render(charge) };
      }),
  };
}

function resolveCharge(store: StripeStore, target: ChargeTarget): Stripe.Charge {
  if (typeof target === 'string') return store.get<Stripe.Charge>('charge', target);
  const intent = store.get<Stripe.PaymentIntent>('payment_intent', target.paymentIntent);
  if (typeof intent.latest_charge !== 'string') {
    throw StripeApiError.invalid(`PaymentIntent ${intent.id} has no charge.`, 'payment_intent');
  }
  return store.get<Stripe.Charge>('charge', intent.latest_charge);
}
