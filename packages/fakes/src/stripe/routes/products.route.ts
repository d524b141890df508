import type Stripe from 'stripe';
import { checkParams } from '../http/check-params.js';
import { mergeMetadata, optionalBool, optionalString, requiredString } from '../http/coerce.js';
import type { Router } from '../http/router.js';
import { StripeApiError } from '../http/stripe-api-error.js';
import { buildProduct } from '../objects/build-product.js';
import { diffAttributes } from '../ops/diff-attributes.js';
import { LIST_PARAMS } from '../render/paginate-list.js';
import { renderObject } from '../render/render-object.js';
import { listOf, opsFor, render } from './route-helpers.js';

const WRITABLE = { name: true, description: true, active: true, metadata: 'map' } as const;

export function registerProductRoutes(router: Router): void {
  router.post('/v1/products', (request) => {
    const { params } = request;
    // Stripe lets callers choose a product id, which keeps seeded catalogs stable across runs.
    checkParams(params, { ...WRITABLE, id: true });
    const ops = opsFor(request);
    const product = buildProduct(
      {
        name: requiredString(params.name, 'name'),
        description: optionalString(params.description, 'description'),
        active: optionalBool(params.active, 'active'),
        metadata: mergeMetadata({}, params.metadata),
      },
      ops.store.now(),
    );
    const id = optionalString(params.id, 'id');
    if (id !== undefined) {
      if (ops.store.find(id)) {
        throw StripeApiError.invalid(`Product already exists.`, 'id', 'resource_already_exists');
      }
      product.id = id;
    }
    ops.store.insert(product);
    ops.emit('product.created', product);
    return render(request, product);
  });

  router.get('/v1/products/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('product', request.pathParams.id ?? ''));
  });

  router.post('/v1/products/:id', (request) => {
    const { params, state } = request;
    checkParams(params, WRITABLE);
    const product = state.store.get<Stripe.Product>('product', request.pathParams.id ?? '');
    const before = renderObject(state.store, product);
    product.name = optionalString(params.name, 'name') || product.name;
    const description = optionalString(params.description, 'description');
    if (description !== undefined) product.description = description || null;
    product.active = optionalBool(params.active, 'active') ?? product.active;
    product.metadata = mergeMetadata(product.metadata, params.metadata);
    const previous = diffAttributes(before, renderObject(state.store, product));
    if (Object.keys(previous).length > 0) {
      product.updated = state.store.now();
      opsFor(request).emit('product.updated', product, previous);
    }
    return render(request, product);
  });

  router.get('/v1/products', (request) => {
    checkParams(request.params, { ...LIST_PARAMS, active: true, created: true });
    const active = optionalBool(request.params.active, 'active');
    return listOf<Stripe.Product>(
      request,
      'product',
      (product) => active === undefined || product.active === active,
    );
  });
}
