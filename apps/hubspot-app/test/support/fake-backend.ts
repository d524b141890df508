import { hubspot } from '@hubspot/ui-extensions';
import { type MockInstance, vi } from 'vitest';

export interface FakeCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | undefined;
  timeout: number | undefined;
}

export type FakeAnswer = { status?: number; body?: unknown } | 'hang' | 'network-error';
type Route = FakeAnswer | ((call: FakeCall) => FakeAnswer | Promise<FakeAnswer>);

/**
 * Stands in for licensync behind `hubspot.fetch`, the one boundary the cards talk through: routes are
 * "METHOD /path" → answer, every call is recorded (path, query, body), unknown routes answer 404.
 */
export function fakeBackend(routes: Record<string, Route>) {
  const calls: FakeCall[] = [];
  const spy: MockInstance = vi.spyOn(hubspot, 'fetch').mockImplementation(async (url, options) => {
    const parsed = new URL(String(url));
    const call: FakeCall = {
      method: options?.method ?? 'GET',
      path: parsed.pathname,
      query: parsed.searchParams,
      body: options?.body,
      timeout: options?.timeout,
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`];
    const answer: FakeAnswer =
      route === undefined
        ? {
            status: 404,
            body: { error: { code: 'not_found', message: `no fake route ${call.method} ${call.path}` } },
          }
        : typeof route === 'function'
          ? await route(call)
          : route;
    if (answer === 'hang') return new Promise<Response>(() => {});
    if (answer === 'network-error') throw new TypeError('fetch failed');
    return new Response(JSON.stringify(answer.body ?? null), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return {
    calls,
    spy,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}

export const BASE_URL = 'https://licensync.test';
