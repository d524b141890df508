import type Stripe from 'stripe';
import { checkParams } from '../http/check-params.js';
import type { Router } from '../http/router.js';
import { LIST_PARAMS, paginateList } from '../render/paginate-list.js';
import { renderObject } from '../render/render-object.js';
import { matchesCreated } from './created-filter.js';
import { listOf, matches, render } from './route-helpers.js';

export function registerCheckoutSessionRoutes(router: Router): void {
  router.get('/v1/checkout/sessions/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('checkout.session', request.pathParams.id ?? ''));
  });

  router.get('/v1/checkout/sessions/:id/line_items', (request) => {
    checkParams(request.params, LIST_PARAMS);
    const { store } = request.state;
    const session = store.get<Stripe.Checkout.Session>('checkout.session', request.pathParams.id ?? '');
    const items = store
      .children<Stripe.LineItem>('item', session.id)
      .map((item) => renderObject(store, item));
    return paginateList(items, request.params, request.path);
  });

  router.get('/v1/checkout/sessions', (request) => {
    checkParams(request.params, {
      ...LIST_PARAMS,
      customer: true,
      payment_intent: true,
      subscription: true,
      status: true,
      created: true,
    });
    return listOf<Stripe.Checkout.Session>(
      request,
      'checkout.session',
      (session, params) =>
        matches(params.customer, session.customer) &&
        matches(params.payment_intent, session.payment_intent) &&
        matches(params.subscription, session.subscription) &&
        matches(params.status, session.status) &&
        matchesCreated(session.created, params.created),
    );
  });
}
