import type Stripe from 'stripe';
import { checkParams } from '../http/check-params.js';
import { asList, mergeMetadata, optionalBool, optionalString } from '../http/coerce.js';
import type { Router } from '../http/router.js';
import { buildPrice } from '../objects/build-price.js';
import { diffAttributes } from '../ops/diff-attributes.js';
import { parsePriceInput } from '../ops/parse-price-input.js';
import { LIST_PARAMS } from '../render/paginate-list.js';
import { renderObject } from '../render/render-object.js';
import { matchesCreated } from './created-filter.js';
import { listOf, matches, opsFor, render } from './route-helpers.js';

const CREATE_SPEC = {
  product: true,
  currency: true,
  unit_amount: true,
  recurring: { interval: true, interval_count: true, usage_type: true },
  nickname: true,
  lookup_key: true,
  active: true,
  metadata: 'map',
} as const;

export function registerPriceRoutes(router: Router): void {
  router.post('/v1/prices', (request) => {
    checkParams(request.params, CREATE_SPEC);
    const input = parsePriceInput(request.params);
    const ops = opsFor(request);
    ops.store.get('product', input.product, 'product');
    const price = ops.store.insert(buildPrice(input, ops.store.now()));
    ops.emit('price.created', price);
    return render(request, price);
  });

  router.get('/v1/prices/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('price', request.pathParams.id ?? ''));
  });

  router.post('/v1/prices/:id', (request) => {
    const { params, state } = request;
    checkParams(params, { metadata: 'map', active: true, nickname: true, lookup_key: true });
    const price = state.store.get<Stripe.Price>('price', request.pathParams.id ?? '');
    const before = renderObject(state.store, price);
    price.active = optionalBool(params.active, 'active') ?? price.active;
    const nickname = optionalString(params.nickname, 'nickname');
    if (nickname !== undefined) price.nickname = nickname || null;
    const lookupKey = optionalString(params.lookup_key, 'lookup_key');
    if (lookupKey !== undefined) price.lookup_key = lookupKey || null;
    price.metadata = mergeMetadata(price.metadata, params.metadata);
    const previous = diffAttributes(before, renderObject(state.store, price));
    if (Object.keys(previous).length > 0) opsFor(request).emit('price.updated', price, previous);
    return render(request, price);
  });

  router.get('/v1/prices', (request) => {
    checkParams(request.params, {
      ...LIST_PARAMS,
      product: true,
      active: true,
      type: true,
      currency: true,
      lookup_keys: true,
      created: true,
    });
    const active = optionalBool(request.params.active, 'active');
    const lookupKeys = asList(request.params.lookup_keys, 'lookup_keys');
    return listOf<Stripe.Price>(
      request,
      'price',
      (price, params) =>
        matches(params.product, price.product) &&
        matches(params.type, price.type) &&
        matches(params.currency, price.currency) &&
        (active === undefined || price.active === active) &&
        (lookupKeys.length === 0 || lookupKeys.includes(price.lookup_key ?? '')) &&
        matchesCreated(price.created, params.created),
    );
  });
}
