import type Stripe from 'stripe';
import { buildCharge } from '../objects/build-charge.js';
import type { OpsContext } from './ops-context.js';

/** Completes a payment intent with a card charge: `charge.succeeded`, then `payment_intent.succeeded`. */
export function succeedPayment(
  ctx: OpsContext,
  paymentIntent: Stripe.PaymentIntent,
  billing: { email: string | null; name: string | null },
): Stripe.Charge {
  const charge = ctx.store.insert(buildCharge(paymentIntent, billing, ctx.store.now()));
  Object.assign(paymentIntent, {
    status: 'succeeded',
    amount_received: paymentIntent.amount,
    latest_charge: charge.id,
    last_payment_error: null,
  } satisfies Partial<Stripe.PaymentIntent>);
  ctx.emit('charge.succeeded', charge);
  ctx.emit('payment_intent.succeeded', paymentIntent);
  return charge;
}
