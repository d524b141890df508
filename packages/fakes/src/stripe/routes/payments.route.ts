import type Stripe from 'stripe';
import { checkParams } from '../http/check-params.js';
import type { Router } from '../http/router.js';
import { LIST_PARAMS } from '../render/paginate-list.js';
import { matchesCreated } from './created-filter.js';
import { listOf, matches, render } from './route-helpers.js';

/** Payment intents, charges and disputes: read-only here; the simulator creates them. */
export function registerPaymentRoutes(router: Router): void {
  router.get('/v1/payment_intents/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('payment_intent', request.pathParams.id ?? ''));
  });
  router.get('/v1/payment_intents', (request) => {
    checkParams(request.params, { ...LIST_PARAMS, customer: true, created: true });
    return listOf<Stripe.PaymentIntent>(
      request,
      'payment_intent',
      (intent, params) =>
        matches(params.customer, intent.customer) && matchesCreated(intent.created, params.created),
    );
  });

  router.get('/v1/charges/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('charge', request.pathParams.id ?? ''));
  });
  router.get('/v1/charges', (request) => {
    checkParams(request.params, { ...LIST_PARAMS, customer: true, payment_intent: true, created: true });
    return listOf<Stripe.Charge>(
      request,
      'charge',
      (charge, params) =>
        matches(params.customer, charge.customer) &&
        matches(params.payment_intent, charge.payment_intent) &&
        matchesCreated(charge.created, params.created),
    );
  });

  router.get('/v1/disputes/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('dispute', request.pathParams.id ?? ''));
  });
  router.get('/v1/disputes', (request) => {
    checkParams(request.params, { ...LIST_PARAMS, charge: true, payment_intent: true, created: true });
    return listOf<Stripe.Dispute>(
      request,
      'dispute',
      (dispute, params) =>
        matches(params.charge, dispute.charge) &&
        matches(params.payment_intent, dispute.payment_intent) &&
        matchesCreated(dispute.created, params.created),
    );
  });
}
