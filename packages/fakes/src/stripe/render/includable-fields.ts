import type Stripe from 'stripe';
import type { StripeStore } from '../store/stripe-store.js';
import { firstPage } from './first-page.js';
import { renderObject } from './render-object.js';

type Include = (store: StripeStore, owner: { id: string }) => Stripe.ApiList<unknown>;

/** Properties Stripe leaves out of an object unless asked for with `expand[]`. */
export const includableFields: Record<string, Record<string, Include>> = {
  'checkout.session': {
    line_items: (store, session) =>
      firstPage(
        store.children<Stripe.LineItem>('item', session.id).map((item) => renderObject(store, item)),
        `/v1/checkout/sessions/${session.id}/line_items`,
      ),
  },
  invoice: {
    payments: (store, invoice) =>
      firstPage(
        store
          .all<Stripe.InvoicePayment>('invoice_payment')
          .filter((payment) => payment.invoice === invoice.id)
          .map((payment) => renderObject(store, payment)),
        `/v1/invoice_payments?invoice=${invoice.id}`,
      ),
  },
  // The fake keeps no tax ids; Stripe lists a customer's under `tax_ids` when expanded.
  customer: {
    tax_ids: (_store, customer) => firstPage([], `/v1/customers/${customer.id}/tax_ids`),
  },
  charge: {
    refunds: (store, charge) =>
      firstPage(
        store
          .all<Stripe.Refund>('refund')
          .filter((refund) => refund.charge === charge.id)
          .map((refund) => renderObject(store, refund)),
        `/v1/charges/${charge.id}/refunds`,
      ),
  },
};
