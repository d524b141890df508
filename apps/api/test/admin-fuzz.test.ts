import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FuzzRequest, requestOf } from './support/admin-fuzz-arbitraries';
import { ADMIN_ROUTES, fillIds } from './support/admin-route-table';
import { seedAdminFixtures } from './support/seed-admin-fixtures';
import { type ApiStack, startApi } from './support/start-api';
import { storedState } from './support/stored-state';

/**
 * Property: whatever a client sends to an admin route (mutated or random bodies, query strings,
 * headers, tokens), the answer is a 2xx or a 4xx whose JSON names the problem, never a 5xx, and a
 * refused request leaves every table and queue as it was. Runs are sized so the file stays < 30 s.
 */
const RUNS_PER_ROUTE = Number(process.env.ADMIN_FUZZ_RUNS ?? 60);

let stack: ApiStack;
let ids: Record<string, string>;
beforeAll(async () => {
  // Random tokens are part of the fuzz: the sign-in throttle must not end the run for the valid ones.
  stack = await startApi({ ADMIN_SIGNIN_MAX_FAILURES: '1000000' });
  const fx = await seedAdminFixtures(stack);
  const resync = await stack.call('POST', '/resyncs', { kind: 'hubspot-resync' });
  if (resync.status !== 202) throw new Error(`resync answered ${resync.status}`);
  ids = {
    '{code}': fx.productCode,
    '{license}': fx.licenseId,
    '{failure}': String(fx.failureId),
    '{resync}': resync.body.id,
  };
});
afterAll(() => stack.close());

const fillPath = (path: string) => path.replace(/\{\w+\}/g, (p) => ids[p]!);

async function send(req: FuzzRequest): Promise<{ status: number; json: unknown; text: string }> {
  const url = `${stack.api.url}${req.path}${req.query ? `?${req.query}` : ''}`;
  const res = await fetch(url, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

describe('every admin route answers bad input with a clear 4xx and stores nothing', () => {
  it.each(ADMIN_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_name, route) => {
    const example = {
      ...route,
      body: fillIds(route.body, {
        productCode: ids['{code}']!,
        licenseId: ids['{license}']!,
        failureId: Number(ids['{failure}']),
        resyncId: ids['{resync}']!,
      }),
    };
    // The valid example goes through first, so the route is known to work before it is fuzzed.
    const valid = await send({
      method: route.method,
      path: `/api/v1${fillPath(route.path)}`,
      query: new URLSearchParams(route.query).toString(),
      headers: {
        authorization: `Bearer ${stack.env.config.ADMIN_TOKEN}`,
        'content-type': 'application/json',
      },
      body: example.body === undefined ? undefined : JSON.stringify(example.body),
    });
    expect(valid.status, valid.text).toBeLessThan(300);
    await fc.assert(
      fc.asyncProperty(requestOf(example, stack.env.config.ADMIN_TOKEN, ids), async (req) => {
        const before = await storedState(stack.api.db, stack.api.queues);
        const res = await send(req);
        expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
        if (res.status < 300) return;
        const error = (res.json as { error?: unknown } | undefined)?.error;
        expect(typeof error === 'string' && error.length > 0, `no error message: ${res.text}`).toBe(true);
        expect(await storedState(stack.api.db, stack.api.queues)).toBe(before);
      }),
      { numRuns: RUNS_PER_ROUTE },
    );
  });
});
