import type Stripe from 'stripe';
import { checkParams } from '../http/check-params.js';
import { asRecord } from '../http/coerce.js';
import type { Router } from '../http/router.js';
import { LIST_PARAMS } from '../render/paginate-list.js';
import { listOf, matches, render } from './route-helpers.js';

/** Since basil the only way from an invoice to its payment intent, and from a charge back to its invoice. */
export function registerInvoicePaymentRoutes(router: Router): void {
  router.get('/v1/invoice_payments/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('invoice_payment', request.pathParams.id ?? ''));
  });

  router.get('/v1/invoice_payments', (request) => {
    checkParams(request.params, {
      ...LIST_PARAMS,
      invoice: true,
      status: true,
      payment: { type: true, payment_intent: true, payment_record: true },
    });
    const payment = asRecord(request.params.payment, 'payment');
    return listOf<Stripe.InvoicePayment>(
      request,
      'invoice_payment',
      (record, params) =>
        matches(params.invoice, record.invoice) &&
        matches(params.status, record.status) &&
        matches(payment?.type, record.payment.type) &&
        matches(payment?.payment_intent, record.payment.payment_intent),
    );
  });
}
