import type Stripe from 'stripe';
import { checkParams } from '../http/check-params.js';
import type { Router } from '../http/router.js';
import { LIST_PARAMS, paginateList } from '../render/paginate-list.js';
import { renderObject } from '../render/render-object.js';
import { matchesCreated } from './created-filter.js';
import { listOf, matches, render } from './route-helpers.js';

export function registerInvoiceRoutes(router: Router): void {
  router.get('/v1/invoices/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('invoice', request.pathParams.id ?? ''));
  });

  router.get('/v1/invoices/:id/lines', (request) => {
    checkParams(request.params, LIST_PARAMS);
    const { store } = request.state;
    const invoice = store.get<Stripe.Invoice>('invoice', request.pathParams.id ?? '');
    const lines = store
      .children<Stripe.InvoiceLineItem>('line_item', invoice.id)
      .map((line) => renderObject(store, line));
    return paginateList(lines, request.params, request.path);
  });

  router.get('/v1/invoices', (request) => {
    checkParams(request.params, {
      ...LIST_PARAMS,
      customer: true,
      subscription: true,
      status: true,
      collection_method: true,
      created: true,
    });
    return listOf<Stripe.Invoice>(
      request,
      'invoice',
      (invoice, params) =>
        matches(params.customer, invoice.customer) &&
        matches(params.subscription, invoice.parent?.subscription_details?.subscription) &&
        matches(params.status, invoice.status) &&
        matches(params.collection_method, invoice.collection_method) &&
        matchesCreated(invoice.created, params.created),
    );
  });
}
