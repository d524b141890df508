import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

// No worker: runs stay queued, which is what the 409 and the listing need.
let stack: ApiStack;
let customerId: string;

beforeAll(async () => {
  stack = await startApi();
  const [customer] = await stack.api.db
    .insert(schema.customers)
    .values({ workspaceId: stack.api.workspaceId, email: 'c@example.com' })
    .returning();
  customerId = customer!.id;
});
afterAll(() => stack?.close());

describe('POST /api/v1/resyncs', () => {
  it('queues a run under a job of the same id, and answers 409 with that id while it is active', async () => {
    const first = await stack.call('POST', '/resyncs', { kind: 'stripe-reconcile', scope: 'workspace' });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({
      id: expect.any(String),
      kind: 'stripe-reconcile',
      scope: 'workspace',
      status: 'queued',
      done: 0,
      total: null,
      rate_per_second: null,
      eta_seconds: null,
      failed_slices: [],
      report: null,
      started_at: null,
      finished_at: null,
    });
    const job = await stack.api.queues.resyncs.getJob(first.body.id);
    expect(job?.data).toEqual({ trigger: 'run', runId: first.body.id });

    const second = await stack.call('POST', '/resyncs', { kind: 'stripe-reconcile', scope: 'workspace' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: expect.any(String), id: first.body.id });

    // Another kind or another scope is a different run.
    expect(
      (await stack.call('POST', '/resyncs', { kind: 'hubspot-resync', scope: 'workspace' })).status,
    ).toBe(202);
    const forCustomer = await stack.call('POST', '/resyncs', {
      kind: 'stripe-reconcile',
      scope: `customer:${customerId}`,
    });
    expect(forCustomer.status).toBe(202);

    // Once the run finished, the same kind and scope may run again.
    await stack.api.db
      .update(schema.resyncRuns)
      .set({ status: 'failed' })
      .where(eq(schema.resyncRuns.id, first.body.id));
    expect(
      (await stack.call('POST', '/resyncs', { kind: 'stripe-reconcile', scope: 'workspace' })).status,
    ).toBe(202);
  });

  it('resolves a HubSpot scope through the stored links', async () => {
    await stack.api.db.insert(schema.externalLinks).values({
      workspaceId: stack.api.workspaceId,
      entityKind: 'customer',
      entityId: customerId,
      provider: 'hubspot',
      externalType: '0-1',
      externalId: '5101',
    });
    expect(
      (await stack.call('POST', '/resyncs', { kind: 'hubspot-resync', scope: 'hubspot:0-1:5101' })).status,
    ).toBe(202);
    const unknown = await stack.call('POST', '/resyncs', {
      kind: 'hubspot-resync',
      scope: 'hubspot:0-1:999',
    });
    expect(unknown).toMatchObject({ status: 400, body: { fields: { scope: expect.any(String) } } });
  });

  it.each([
    [{ kind: 'everything' }, 'kind'],
    [{ kind: 'hubspot-resync', scope: 'planet' }, 'scope'],
    [{ kind: 'hubspot-resync', scope: 'customer:not-a-uuid' }, 'scope'],
    [{ kind: 'hubspot-resync', scope: 'customer:00000000-0000-4000-8000-000000000000' }, 'scope'],
    [{ kind: 'hubspot-resync', extra: 1 }, 'extra'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await stack.call('POST', '/resyncs', body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields)).toEqual([field]);
  });

  it('needs the admin token', async () => {
    expect(
      (
        await stack.call(
          'POST',
          '/resyncs',
          { kind: 'hubspot-resync' },
          { authorization: 'Bearer wrong-token-wrong-token' },
        )
      ).status,
    ).toBe(401);
  });
});

describe('GET /api/v1/resyncs', () => {
  it('shows progress with rate and ETA', async () => {
    const created = await stack.call('POST', '/resyncs', {
      kind: 'hubspot-resync',
      scope: `customer:${customerId}`,
    });
    await stack.api.db
      .update(schema.resyncRuns)
      .set({ status: 'running', startedAt: new Date(Date.now() - 10_000), done: 50, total: 100 })
      .where(eq(schema.resyncRuns.id, created.body.id));
    const { status, body } = await stack.call('GET', `/resyncs/${created.body.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'running', done: 50, total: 100 });
    expect(body.rate_per_second).toBeGreaterThan(4.5);
    expect(body.rate_per_second).toBeLessThanOrEqual(5);
    expect(body.eta_seconds).toBeGreaterThanOrEqual(10);
    expect(body.eta_seconds).toBeLessThan(12);
  });

  it('lists recent runs newest first, filtered by kind or status', async () => {
    const all = await stack.call('GET', '/resyncs');
    expect(all.status).toBe(200);
    const times = all.body.data.map((r: { created_at: string }) => r.created_at);
    expect(times).toEqual([...times].sort().reverse());
    const hubspot = await stack.call('GET', '/resyncs?kind=hubspot-resync');
    expect(hubspot.body.data.length).toBeGreaterThan(0);
    expect(hubspot.body.data.every((r: { kind: string }) => r.kind === 'hubspot-resync')).toBe(true);
    const failed = await stack.call('GET', '/resyncs?status=failed&limit=1');
    expect(failed.body.data).toHaveLength(1);
    expect((await stack.call('GET', '/resyncs?limit=0')).status).toBe(400);
  });

  it('answers 404 for a run that does not exist', async () => {
    expect((await stack.call('GET', '/resyncs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await stack.call('GET', '/resyncs/nope')).status).toBe(404);
  });
});
