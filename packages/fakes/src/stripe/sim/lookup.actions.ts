import type Stripe from 'stripe';
import type { SimRuntime } from './sim-runtime.js';

export interface LookupActions {
  /** The payment intent behind a checkout session (`cs_…`) or an invoice (`in_…`), via its invoice payments. */
  paymentIntentOf(sessionOrInvoiceId: string): Stripe.PaymentIntent | undefined;
  /** The latest charge of that payment intent. */
  chargeOf(sessionOrInvoiceId: string): Stripe.Charge | undefined;
}

export function lookupActions(rt: SimRuntime): LookupActions {
  const intentRecord = (id: string): Stripe.PaymentIntent | undefined => {
    const owner = rt.store.find<Stripe.Checkout.Session | Stripe.Invoice>(id);
    if (!owner) return undefined;
    if (owner.object === 'checkout.session') {
      if (typeof owner.payment_intent === 'string') return rt.store.find(owner.payment_intent);
      return typeof owner.invoice === 'string' ? intentRecord(owner.invoice) : undefined;
    }
    const payments = rt.store
      .all<Stripe.InvoicePayment>('invoice_payment')
      .filter((payment) => payment.invoice === owner.id);
    const payment = payments.find((candidate) => candidate.status === 'paid') ?? payments[0];
    const intentId = payment?.payment.payment_intent;
    return typeof intentId === 'string' ? rt.store.find(intentId) : undefined;
  };

  return {
    paymentIntentOf: (id) => {
      const intent = intentRecord(id);
      return intent ? rt.render(intent) : undefined;
    },
    chargeOf: (id) => {
      const chargeId = intentRecord(id)?.latest_charge;
      const charge = typeof chargeId === 'string' ? rt.store.find<Stripe.Charge>(chargeId) : undefined;
      return charge ? rt.render(charge) : undefined;
    },
  };
}
