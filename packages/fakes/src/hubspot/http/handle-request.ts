import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { HubspotError, invalidJsonError } from '../errors/hubspot-error';
import type { FaultInjector } from '../limits/fault-injector';
import type { RateLimiter } from '../limits/rate-limiter';
import type { RequestLog } from '../request-log';
import type { PortalStore } from '../store/portal-store';
import { parseJson, readBody } from './read-body';
import type { RouteResult } from './route';
import type { createRouter } from './router';

export interface RequestDeps {
  router: ReturnType<typeof createRouter>;
  portalForToken(token: string): PortalStore | undefined;
  limiter: RateLimiter;
  faults: FaultInjector;
  log: RequestLog;
  latencyMs(): number;
  searchLagMs(): number;
  failBatchOnInvalid(): boolean;
}

const UNAUTHENTICATED = {
  message:
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  category: 'INVALID_AUTHENTICATION',
};

const SERVER_ERRORS: Record<number, string> = {
  500: 'internal error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const errorResult = (status: number, body: Record<string, unknown>): RouteResult => ({
  status,
  body: { status: 'error', correlationId: randomUUID(), ...body },
});

/** auth → latency → forced 429 → rate limit → injected 5xx → route → (5xx after the write). */
export async function handleRequest(deps: RequestDeps, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://fake.hubspot');
  const method = req.method ?? 'GET';
  const target = `${method} ${url.pathname}`;
  const text = await readBody(req);
  const parsed = parseJson(text);
  const match = deps.router.match(method, url.pathname);
  const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const portal = token ? deps.portalForToken(token) : undefined;
  let headers: Record<string, string> = {};

  const run = async (): Promise<RouteResult> => {
    if (!portal) return errorResult(401, UNAUTHENTICATED);
    const latency = deps.latencyMs();
    if (latency > 0) await sleep(latency);
    const search = match?.route.search ?? false;
    if (deps.faults.take429(target)) {
      const forced = deps.limiter.forced(portal.portalId, search);
      headers = forced.headers;
      return { status: 429, body: forced.body };
    }
    const decision = deps.limiter.admit(portal.portalId, search, Date.now());
    headers = decision.headers;
    if (decision.limited) return { status: 429, body: decision.body };
    const before = deps.faults.takeError(target, false);
    if (before)
      return errorResult(before.status, {
        message: SERVER_ERRORS[before.status] ?? 'error',
        category: 'INTERNAL_ERROR',
      });
    if (!match) return errorResult(404, { message: `No route for ${target}`, category: 'OBJECT_NOT_FOUND' });
    try {
      if (parsed && 'invalid' in parsed) throw invalidJsonError(parsed.invalid);
      const ctx = {
        portal,
        params: match.params,
        query: url.searchParams,
        body: parsed?.value,
        now: new Date(),
        searchLagMs: deps.searchLagMs(),
        failBatchOnInvalid: deps.failBatchOnInvalid(),
      };
      const result = match.route.handle(ctx);
      const after = deps.faults.takeError(target, true);
      if (after)
        return errorResult(after.status, {
          message: SERVER_ERRORS[after.status] ?? 'error',
          category: 'INTERNAL_ERROR',
        });
      return result;
    } catch (error) {
      if (error instanceof HubspotError) return { status: error.httpStatus, body: error.toBody() };
      throw error;
    }
  };

  let result: RouteResult;
  try {
    result = await run();
  } catch (error) {
    result = errorResult(500, {
      message: `fake-hubspot bug: ${(error as Error).stack}`,
      category: 'INTERNAL_ERROR',
    });
  }
  deps.log.add({
    method,
    path: url.pathname,
    query: Object.fromEntries(
      [...new Set(url.searchParams.keys())].map((k) => [k, url.searchParams.getAll(k)]),
    ),
    ...(match ? { endpoint: match.endpoint } : {}),
    ...(portal ? { portalId: portal.portalId } : {}),
    status: result.status,
    body: parsed && 'value' in parsed ? parsed.value : parsed ? text : undefined,
    responseBody: result.body,
    at: new Date(),
  });
  const payload = result.body === undefined ? '' : JSON.stringify(result.body);
  res.writeHead(result.status, {
    ...headers,
    ...(payload ? { 'Content-Type': 'application/json;charset=utf-8' } : {}),
  });
  res.end(payload);
}
