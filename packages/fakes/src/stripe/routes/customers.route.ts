import type Stripe from 'stripe';
import { checkParams } from '../http/check-params.js';
import { mergeMetadata, optionalString } from '../http/coerce.js';
import type { Router } from '../http/router.js';
import { buildCustomer } from '../objects/build-customer.js';
import { diffAttributes } from '../ops/diff-attributes.js';
import { LIST_PARAMS } from '../render/paginate-list.js';
import { renderObject } from '../render/render-object.js';
import { matchesCreated } from './created-filter.js';
import { listOf, matches, opsFor, render } from './route-helpers.js';

const WRITABLE = { email: true, name: true, description: true, phone: true, metadata: 'map' } as const;

export function registerCustomerRoutes(router: Router): void {
  router.post('/v1/customers', (request) => {
    const { params } = request;
    checkParams(params, WRITABLE);
    const ops = opsFor(request);
    const customer = ops.store.insert(
      buildCustomer(
        {
          email: optionalString(params.email, 'email'),
          name: optionalString(params.name, 'name'),
          description: optionalString(params.description, 'description'),
          phone: optionalString(params.phone, 'phone'),
          metadata: mergeMetadata({}, params.metadata),
        },
        ops.store.now(),
      ),
    );
    ops.emit('customer.created', customer);
    return render(request, customer);
  });

  router.get('/v1/customers/:id', (request) => {
    checkParams(request.params, {});
    return render(request, request.state.store.get('customer', request.pathParams.id ?? ''));
  });

  router.post('/v1/customers/:id', (request) => {
    const { params, state } = request;
    checkParams(params, WRITABLE);
    const customer = state.store.get<Stripe.Customer>('customer', request.pathParams.id ?? '');
    const before = renderObject(state.store, customer);
    for (const key of ['email', 'name', 'description', 'phone'] as const) {
      const value = optionalString(params[key], key);
      if (value !== undefined) customer[key] = value === '' ? null : value;
    }
    customer.metadata = mergeMetadata(customer.metadata, params.metadata);
    const previous = diffAttributes(before, renderObject(state.store, customer));
    if (Object.keys(previous).length > 0) opsFor(request).emit('customer.updated', customer, previous);
    return render(request, customer);
  });

  router.get('/v1/customers', (request) => {
    checkParams(request.params, { ...LIST_PARAMS, email: true, created: true });
    return listOf<Stripe.Customer>(
      request,
      'customer',
      (customer, params) =>
        matches(params.email, customer.email) && matchesCreated(customer.created, params.created),
    );
  });
}
