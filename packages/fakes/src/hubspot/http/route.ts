import type { PortalStore } from '../store/portal-store';

export interface RouteContext {
  portal: PortalStore;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  now: Date;
  /** Records written less than this long ago are not yet visible to search (HubSpot indexes asynchronously). */
  searchLagMs: number;
  /** Batch writes refuse the whole request (400, nothing written) when any input is invalid. */
  failBatchOnInvalid: boolean;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path template spelled like the SDK and the OpenAPI specs, e.g. `/crm/v3/objects/{objectType}`. */
  path: string;
  /** Search endpoints have their own limit and send no rate-limit headers. */
  search?: boolean;
  handle(ctx: RouteContext): RouteResult;
}

export const route = (
  method: Route['method'],
  path: string,
  handle: Route['handle'],
  options: { search?: boolean } = {},
): Route => ({ method, path, handle, ...options });
