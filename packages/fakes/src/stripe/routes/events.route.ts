import type Stripe from 'stripe';
import { checkParams } from '../http/check-params.js';
import { asList, optionalString } from '../http/coerce.js';
import type { Router } from '../http/router.js';
import { StripeApiError } from '../http/stripe-api-error.js';
import { LIST_PARAMS } from '../render/paginate-list.js';
import { matchesCreated } from './created-filter.js';
import { listOf, render } from './route-helpers.js';

const MAX_TYPES = 20;

export function registerEventRoutes(router: Router): void {
  router.get('/v1/events/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('event', request.pathParams.id ?? ''));
  });

  router.get('/v1/events', (request) => {
    checkParams(request.params, {
      ...LIST_PARAMS,
      type: true,
      types: true,
      created: true,
      delivery_success: true,
    });
    const type = optionalString(request.params.type, 'type');
    const types = asList(request.params.types, 'types').map(String);
    if (type !== undefined && types.length > 0) {
      throw StripeApiError.invalid('You may only specify one of these parameters: type, types.', 'types');
    }
    if (types.length > MAX_TYPES)
      throw StripeApiError.invalid(`types may contain at most ${MAX_TYPES} values`, 'types');
    const wanted = type === undefined ? types : [type];
    return listOf<Stripe.Event>(
      request,
      'event',
      (event, params) =>
        (wanted.length === 0 || wanted.some((pattern) => typeMatches(pattern, event.type))) &&
        matchesCreated(event.created, params.created),
    );
  });
}

/** `customer.subscription.*` style wildcards, as Stripe's `type` filter allows. */
function typeMatches(pattern: string, type: string): boolean {
  if (!pattern.includes('*')) return pattern === type;
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.]/g, '\\.'))
      .join('.*')}$`,
  );
  return regex.test(type);
}
