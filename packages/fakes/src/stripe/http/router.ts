import type { FakeStripeState } from '../fake-stripe-state.js';
import type { FormParams } from './parse-form.js';

export interface ApiRequest {
  method: string;
  path: string;
  /** `:name` segments of the route pattern. */
  pathParams: Record<string, string>;
  /** Query parameters, merged with the form body for POST. */
  params: FormParams;
  state: FakeStripeState;
  requestId: string;
  idempotencyKey: string | undefined;
}

/** Returns the response body (already rendered); `expand` is applied by the request handler. */
export type RouteHandler = (request: ApiRequest) => unknown;

type Method = 'GET' | 'POST' | 'DELETE';

interface Route {
  method: Method;
  segments: string[];
  handler: RouteHandler;
}

export interface Router {
  get(pattern: string, handler: RouteHandler): void;
  post(pattern: string, handler: RouteHandler): void;
  delete(pattern: string, handler: RouteHandler): void;
  match(
    method: string,
    path: string,
  ): { handler: RouteHandler; pathParams: Record<string, string> } | undefined;
}

export function createRouter(): Router {
  const routes: Route[] = [];
  const add = (method: Method) => (pattern: string, handler: RouteHandler) => {
    routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
  };

  return {
    get: add('GET'),
    post: add('POST'),
    delete: add('DELETE'),
    match(method, path) {
      const parts = path.split('/').filter(Boolean);
      for (const route of routes) {
        if (route.method !== method || route.segments.length !== parts.length) continue;
        const pathParams: Record<string, string> = {};
        const matches = route.segments.every((segment, index) => {
          const part = decodeURIComponent(parts[index] ?? '');
          if (segment.startsWith(':')) pathParams[segment.slice(1)] = part;
          return segment.startsWith(':') || segment === part;
        });
        if (matches) return { handler: route.handler, pathParams };
      }
      return undefined;
    },
  };
}
