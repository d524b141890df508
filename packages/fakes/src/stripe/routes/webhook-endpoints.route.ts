import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import { checkParams } from '../http/check-params.js';
import type { FormValue } from '../http/parse-form.js';
import type { Router } from '../http/router.js';
import { StripeApiError } from '../http/stripe-api-error.js';
import { LIST_PARAMS } from '../render/paginate-list.js';
import { newId } from '../store/new-id.js';
import { listOf } from './route-helpers.js';

const CREATE = {
  url: true,
  enabled_events: true,
  api_version: true,
  description: true,
  metadata: 'map',
} as const;

/** An event type Stripe knows: `*` or dotted lower-case words, as in `customer.subscription.created`. */
const EVENT_TYPE = /^(\*|[a-z_]+(\.[a-z_]+)+)$/;

function invalid(param: string, message: string): StripeApiError {
  return new StripeApiError(400, { type: 'invalid_request_error', message, param }, false);
}

function toEvents(value: FormValue | undefined): string[] {
  if (value === undefined) throw invalid('enabled_events', 'Missing required param: enabled_events.');
  const list = typeof value === 'string' ? [value] : Object.values(value);
  const events = list.filter((v): v is string => typeof v === 'string');
  if (events.length === 0 || events.length !== list.length)
    throw invalid('enabled_events', 'Invalid array: enabled_events must be a list of event types.');
  for (const [index, type] of events.entries()) {
    if (!EVENT_TYPE.test(type)) throw invalid(`enabled_events[${index}]`, `Invalid event type: ${type}`);
  }
  return events;
}

// Stripe returns `secret` only in the answer to the create; later reads leave it out.
const withoutSecret = (endpoint: Stripe.WebhookEndpoint) => {
  const { secret: _secret, ...rest } = endpoint;
  return rest;
};

/** `/v1/webhook_endpoints`: create (with its signing secret), retrieve, list, delete. */
export function registerWebhookEndpointRoutes(router: Router): void {
  router.post('/v1/webhook_endpoints', (request) => {
    const { params, state } = request;
    checkParams(params, CREATE);
    if (typeof params.url !== 'string' || !URL.canParse(params.url))
      throw invalid('url', 'Invalid URL: url must be an absolute http(s) URL.');
    const endpoint = state.store.insert({
      id: newId('we'),
      object: 'webhook_endpoint',
      api_version: typeof params.api_version === 'string' ? params.api_version : null,
      application: null,
      created: state.store.now(),
      description: typeof params.description === 'string' ? params.description : null,
      enabled_events: toEvents(params.enabled_events),
      livemode: false,
      metadata: typeof params.metadata === 'object' ? (params.metadata as Record<string, string>) : {},
      secret: `whsec_${randomBytes(24).toString('hex')}`,
      status: 'enabled',
      url: params.url,
    } as Stripe.WebhookEndpoint);
    return endpoint;
  });

  router.get('/v1/webhook_endpoints/:id', (request) => {
    checkParams(request.params, {});
    const id = request.pathParams.id ?? '';
    return withoutSecret(request.state.store.get<Stripe.WebhookEndpoint>('webhook_endpoint', id));
  });

  router.get('/v1/webhook_endpoints', (request) => {
    checkParams(request.params, LIST_PARAMS);
    const page = listOf<Stripe.WebhookEndpoint>(request, 'webhook_endpoint', () => true);
    return { ...page, data: page.data.map(withoutSecret) };
  });

  router.delete('/v1/webhook_endpoints/:id', (request) => {
    const id = request.pathParams.id ?? '';
    request.state.store.get('webhook_endpoint', id);
    request.state.store.remove(id);
    return { id, object: 'webhook_endpoint', deleted: true };
  });
}
