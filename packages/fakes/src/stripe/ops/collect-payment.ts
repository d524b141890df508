import type Stripe from 'stripe';
import { buildPaymentIntent } from '../objects/build-payment-intent.js';
import type { OpsContext } from './ops-context.js';
import { succeedPayment } from './succeed-payment.js';

export type PaymentOutcome = 'succeeded' | 'processing' | 'failed';

export interface CollectPaymentInput {
  amount: number;
  currency: string;
  customer: Stripe.Customer | null;
  email: string | null;
  description: string | null;
  outcome: PaymentOutcome;
}

/** A payment intent that succeeded (with a charge), is still processing (delayed methods) or was declined. */
export function collectPayment(
  ctx: OpsContext,
  input: CollectPaymentInput,
): { paymentIntent: Stripe.PaymentIntent; charge: Stripe.Charge | null } {
  const paymentIntent = ctx.store.insert(
    buildPaymentIntent(
      {
        amount: input.amount,
        currency: input.currency,
        customer: input.customer?.id ?? null,
        status: input.outcome === 'processing' ? 'processing' : 'requires_payment_method',
        description: input.description,
      },
      ctx.store.now(),
    ),
  );
  if (input.outcome === 'succeeded') {
    const billing = { email: input.email, name: input.customer?.name ?? null };
    return { paymentIntent, charge: succeedPayment(ctx, paymentIntent, billing) };
  }
  if (input.outcome === 'processing') {
    ctx.emit('payment_intent.processing', paymentIntent);
  } else {
    paymentIntent.last_payment_error = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    } as Stripe.PaymentIntent.LastPaymentError;
    ctx.emit('payment_intent.payment_failed', paymentIntent);
  }
  return { paymentIntent, charge: null };
}
