import type Stripe from 'stripe';
import { checkParams, type ParamSpec } from '../http/check-params.js';
import { asRecord, optionalString } from '../http/coerce.js';
import type { Router } from '../http/router.js';
import { cancelSubscription } from '../ops/cancel-subscription.js';
import { changeSubscriptionItems } from '../ops/change-subscription-items.js';
import { LIST_PARAMS } from '../render/paginate-list.js';
import { matchesCreated } from './created-filter.js';
import { parseSubscriptionChanges } from './parse-subscription-changes.js';
import { listOf, matches, opsFor, render } from './route-helpers.js';

const UPDATE_SPEC: ParamSpec = {
  items: [{ id: true, price: true, quantity: true, deleted: true, metadata: 'map' }],
  cancel_at_period_end: true,
  pause_collection: { behavior: true, resumes_at: true },
  metadata: 'map',
  description: true,
  proration_behavior: true,
};

export function registerSubscriptionRoutes(router: Router): void {
  router.get('/v1/subscriptions/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('subscription', request.pathParams.id ?? ''));
  });

  router.post('/v1/subscriptions/:id', (request) => {
    checkParams(request.params, UPDATE_SPEC);
    const ops = opsFor(request);
    const id = request.pathParams.id ?? '';
    const current = ops.store.get<Stripe.Subscription>('subscription', id);
    const changes = parseSubscriptionChanges(request.params, current);
    const proration = optionalString(request.params.proration_behavior, 'proration_behavior');
    return render(request, changeSubscriptionItems(ops, id, changes, proration));
  });

  router.delete('/v1/subscriptions/:id', (request) => {
    checkParams(request.params, {
      cancellation_details: { comment: true, feedback: true },
      invoice_now: true,
      prorate: true,
    });
    const details = asRecord(request.params.cancellation_details, 'cancellation_details');
    const comment = optionalString(details?.comment, 'cancellation_details[comment]');
    return render(request, cancelSubscription(opsFor(request), request.pathParams.id ?? '', { comment }));
  });

  router.get('/v1/subscriptions', (request) => {
    checkParams(request.params, { ...LIST_PARAMS, customer: true, price: true, status: true, created: true });
    const { store } = request.state;
    return listOf<Stripe.Subscription>(request, 'subscription', (subscription, params) => {
      const prices = store
        .children<Stripe.SubscriptionItem>('subscription_item', subscription.id)
        .map((i) => i.price.id);
      return (
        matches(params.customer, subscription.customer) &&
        (params.price === undefined || prices.includes(String(params.price))) &&
        matchesStatus(params.status, subscription.status) &&
        matchesCreated(subscription.created, params.created)
      );
    });
  });
}

/** Without a status filter Stripe lists every subscription that has not been canceled. */
function matchesStatus(filter: unknown, status: Stripe.Subscription.Status): boolean {
  if (filter === 'all') return true;
  if (filter === undefined) return status !== 'canceled' && status !== 'incomplete_expired';
  if (filter === 'ended') return status === 'canceled' || status === 'incomplete_expired';
  return filter === status;
}
