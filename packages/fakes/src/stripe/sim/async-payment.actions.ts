import type Stripe from 'stripe';
import { StripeApiError } from '../http/stripe-api-error.js';
import { payInvoice } from '../ops/pay-invoice.js';
import { succeedPayment } from '../ops/succeed-payment.js';
import type { SimResult, SimRuntime } from './sim-runtime.js';

export interface AsyncPaymentActions {
  /** The delayed payment of an `unpaid` session clears: charge, paid invoice, `checkout.session.async_payment_succeeded`. */
  completeAsyncPayment(
    sessionId: string,
  ): SimResult<{ session: Stripe.Checkout.Session; charge: Stripe.Charge }>;
  /** The delayed payment fails: `payment_intent.payment_failed`, `checkout.session.async_payment_failed`. */
  failAsyncPayment(sessionId: string): SimResult<{ session: Stripe.Checkout.Session }>;
}

export function asyncPaymentActions(rt: SimRuntime): AsyncPaymentActions {
  const pending = (sessionId: string) => {
    const session = rt.store.get<Stripe.Checkout.Session>('checkout.session', sessionId);
    const intentId = typeof session.payment_intent === 'string' ? session.payment_intent : null;
    const intent = intentId ? rt.store.get<Stripe.PaymentIntent>('payment_intent', intentId) : null;
    if (session.payment_status !== 'unpaid' || intent?.status !== 'processing') {
      throw StripeApiError.invalid(`Checkout session ${sessionId} has no payment awaiting completion.`);
    }
    return { session, intent };
  };

  return {
    completeAsyncPayment: (sessionId) =>
      rt.act((ctx) => {
        const { session, intent } = pending(sessionId);
        const customer =
          typeof session.customer === 'string'
            ? (rt.store.find<Stripe.Customer>(session.customer) ?? null)
            : null;
        const charge = succeedPayment(ctx, intent, {
          email: session.customer_details?.email ?? null,
          name: customer?.name ?? null,
        });
        if (typeof session.invoice === 'string') {
          const invoice = rt.store.get<Stripe.Invoice>('invoice', session.invoice);
          payInvoice(ctx, invoice, customer, { paymentIntent: intent, charge });
        }
        session.payment_status = 'paid';
        ctx.emit('checkout.session.async_payment_succeeded', session);
        return { session: rt.render(session), charge: rt.render(charge) };
      }),
    failAsyncPayment: (sessionId) =>
      rt.act((ctx) => {
        const { session, intent } = pending(sessionId);
        Object.assign(intent, {
          status: 'requires_payment_method',
          last_payment_error: {
            type: 'card_error',
            code: 'payment_method_not_available',
            message: 'The payment failed.',
          },
        });
        ctx.emit('payment_intent.payment_failed', intent);
        ctx.emit('checkout.session.async_payment_failed', session);
        return { session: rt.render(session) };
      }),
  };
}
