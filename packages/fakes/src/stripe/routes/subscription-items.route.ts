import type Stripe from 'stripe';
import { checkParams } from '../http/check-params.js';
import { requiredString } from '../http/coerce.js';
import type { Router } from '../http/router.js';
import { LIST_PARAMS, paginateList } from '../render/paginate-list.js';
import { renderObject } from '../render/render-object.js';
import { render } from './route-helpers.js';

export function registerSubscriptionItemRoutes(router: Router): void {
  router.get('/v1/subscription_items/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('subscription_item', request.pathParams.id ?? ''));
  });

  router.get('/v1/subscription_items', (request) => {
    checkParams(request.params, { ...LIST_PARAMS, subscription: true });
    const { store } = request.state;
    const subscription = requiredString(request.params.subscription, 'subscription');
    store.get('subscription', subscription, 'subscription');
    const items = store
      .children<Stripe.SubscriptionItem>('subscription_item', subscription)
      .map((item) => renderObject(store, item));
    return paginateList(items, request.params, request.path);
  });
}
