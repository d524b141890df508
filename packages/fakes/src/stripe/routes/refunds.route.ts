import type Stripe from 'stripe';
import { checkParams } from '../http/check-params.js';
import { mergeMetadata, optionalInt, optionalString } from '../http/coerce.js';
import type { Router } from '../http/router.js';
import { StripeApiError } from '../http/stripe-api-error.js';
import { createRefund } from '../ops/create-refund.js';
import { LIST_PARAMS } from '../render/paginate-list.js';
import type { StripeStore } from '../store/stripe-store.js';
import { matchesCreated } from './created-filter.js';
import { listOf, matches, opsFor, render } from './route-helpers.js';

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'];

export function registerRefundRoutes(router: Router): void {
  router.post('/v1/refunds', (request) => {
    const { params } = request;
    checkParams(params, { charge: true, payment_intent: true, amount: true, reason: true, metadata: 'map' });
    const ops = opsFor(request);
    const reason = optionalString(params.reason, 'reason');
    if (reason !== undefined && !REASONS.includes(reason))
      throw StripeApiError.invalid('Invalid reason', 'reason');
    const charge = chargeToRefund(
      ops.store,
      optionalString(params.charge, 'charge'),
      optionalString(params.payment_intent, 'payment_intent'),
    );
    const refund = createRefund(ops, charge, {
      amount: optionalInt(params.amount, 'amount'),
      reason: (reason as Stripe.Refund.Reason | undefined) ?? null,
      metadata: mergeMetadata({}, params.metadata),
    });
    return render(request, refund);
  });

  router.get('/v1/refunds/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('refund', request.pathParams.id ?? ''));
  });

  router.get('/v1/refunds', (request) => {
    checkParams(request.params, { ...LIST_PARAMS, charge: true, payment_intent: true, created: true });
    return listOf<Stripe.Refund>(
      request,
      'refund',
      (refund, params) =>
        matches(params.charge, refund.charge) &&
        matches(params.payment_intent, refund.payment_intent) &&
        matchesCreated(refund.created, params.created),
    );
  });
}

function chargeToRefund(
  store: StripeStore,
  chargeId: string | undefined,
  paymentIntentId: string | undefined,
) {
  if (chargeId) return store.get<Stripe.Charge>('charge', chargeId, 'charge');
  if (!paymentIntentId) {
    throw StripeApiError.invalid(
      'One of the following params should be provided for this request: charge or payment_intent.',
    );
  }
  const intent = store.get<Stripe.PaymentIntent>('payment_intent', paymentIntentId, 'payment_intent');
  if (typeof intent.latest_charge !== 'string') {
    throw StripeApiError.invalid(
      `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
      'payment_intent',
    );
  }
  return store.get<Stripe.Charge>('charge', intent.latest_charge, 'payment_intent');
}
