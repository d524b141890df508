import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeStripeState } from '../fake-stripe-state.js';
import { expandObject } from '../render/expand-object.js';
import { newId } from '../store/new-id.js';
import { authenticate } from './authenticate.js';
import type { FailureInjector } from './failure-injector.js';
import type { IdempotencyCache, StoredResponse } from './idempotency-cache.js';
import { injectedFailure } from './injected-failure.js';
import { type FormParams, parseForm } from './parse-form.js';
import { readBody } from './read-body.js';
import type { LoggedRequest } from './request-log.js';
import type { Router } from './router.js';
import { StripeApiError } from './stripe-api-error.js';

export interface RequestHandlerDeps {
  state: FakeStripeState;
  router: Router;
  idempotency: IdempotencyCache;
  failures: FailureInjector;
  log: LoggedRequest[];
  latencyMs: () => number;
}

/** The pipeline every request goes through: latency → auth → injected failure → idempotency → route. */
export function createRequestHandler(deps: RequestHandlerDeps) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const requestId = newId('req', 14);
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://fake-stripe');
    const query = parseForm(url.search.slice(1));
    const body = method === 'POST' ? parseForm(await readBody(request)) : {};
    const idempotencyKey = header(request, 'idempotency-key');
    const entry: LoggedRequest = {
      method,
      path: url.pathname,
      query,
      body,
      idempotencyKey,
      apiKey: /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1],
      status: 0,
      requestId,
      replayed: false,
    };
    deps.log.push(entry);

    const latency = deps.latencyMs();
    if (latency > 0) await sleep(latency);

    const fingerprint = JSON.stringify([method, url.pathname, query, body]);
    let result: StoredResponse;
    try {
      authenticate(request);
      const failure = deps.failures.take(url.pathname);
      if (failure) throw injectedFailure(failure);
      // Keys only matter on POST; Stripe ignores them on reads and deletes.
      const replay =
        idempotencyKey && method === 'POST'
          ? deps.idempotency.lookup(idempotencyKey, fingerprint)
          : undefined;
      if (replay) {
        entry.replayed = true;
        send(response, replay, requestId, entry);
        return;
      }
      result = run(deps, {
        method,
        path: url.pathname,
        params: { ...query, ...body },
        requestId,
        idempotencyKey,
      });
    } catch (error) {
      result = toErrorResponse(error);
      if (error instanceof StripeApiError && !error.storeIdempotent) {
        send(response, result, requestId, entry);
        return;
      }
    }
    // Stripe saves the first result of a key once the endpoint ran, errors included.
    if (idempotencyKey && method === 'POST') deps.idempotency.store(idempotencyKey, fingerprint, result);
    send(response, result, requestId, entry);
  };
}

function run(
  deps: RequestHandlerDeps,
  request: {
    method: string;
    path: string;
    params: FormParams;
    requestId: string;
    idempotencyKey: string | undefined;
  },
): StoredResponse {
  const match = deps.router.match(request.method, request.path);
  if (!match) {
    throw new StripeApiError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${request.method}: ${request.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    });
  }
  const value = match.handler({ ...request, pathParams: match.pathParams, state: deps.state });
  return { status: 200, body: expandObject(deps.state.store, value, request.params.expand) };
}

function toErrorResponse(error: unknown): StoredResponse {
  if (error instanceof StripeApiError) return { status: error.status, body: { error: error.body } };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { error: { type: 'api_error', message: `Fake Stripe crashed: ${message}` } } };
}

function send(
  response: ServerResponse,
  result: StoredResponse,
  requestId: string,
  entry: LoggedRequest,
): void {
  entry.status = result.status;
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Request-Id': requestId };
  if (entry.replayed) headers['Idempotent-Replayed'] = 'true';
  response.writeHead(result.status, headers);
  response.end(JSON.stringify(result.body));
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
