import * as schema from '@licensync/core/schema';
import { eventually } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProMonthlyPrice } from './support/pro-monthly-price';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
const subscriptionIds: string[] = [];

beforeAll(async () => {
  stack = await startStack({ env: { RESYNC_PAGE_SIZE: '2', RESYNC_SLICE_ATTEMPTS: '3' } });
  const { sim } = stack.fake;
  const price = createProMonthlyPrice(sim);
  // Five subscriptions of two licenses each, provisioned the live way (webhooks).
  for (let i = 0; i < 5; i++) {
    const step = sim.checkout({
      customer_email: `r${i}@example.com`,
      mode: 'subscription',
      lineItems: [{ price: price.id, quantity: 2 }],
    });
    await stack.deliver(step.events);
    await stack.settled(step.events);
    subscriptionIds.push(step.subscription!.id);
  }
}, 60_000);
afterAll(() => stack.close());

/** Requests a run and waits until it finished; returns its JSON. */
async function resync(body: { kind: string; scope?: string }) {
  const created = await stack.call('POST', '/resyncs', body);
  expect(created.status).toBe(202);
  return eventually(async () => {
    const { body: run } = await stack.call('GET', `/resyncs/${created.body.id}`);
    return run.status === 'succeeded' || run.status === 'failed' ? run : undefined;
  }, 30_000);
}

describe('stripe-reconcile', () => {
  it('repairs licenses changed behind Stripe’s back and counts each repair', async () => {
    const { licenses } = schema;
    const db = stack.api.db;
    const [first, second, third] = await Promise.all(
      subscriptionIds.slice(0, 3).map((id) => stack.licenses({ subscriptionId: id })),
    );
    const before = (await stack.licenses()).length;
    // Disabled by a missed event, validity moved back, deleted.
    await db
      .update(licenses)
      .set({ enabled: false, disabledReason: 'subscription_inactive' })
      .where(eq(licenses.id, first![0]!.id));
    const rightValidity = second![1]!.validUntil!;
    await db
      .update(licenses)
      .set({ validUntil: new Date(rightValidity.getTime() - 30 * 86_400_000) })
      .where(eq(licenses.id, second![1]!.id));
    await db.delete(licenses).where(eq(licenses.id, third![0]!.id));

    const run = await resync({ kind: 'stripe-reconcile', scope: 'workspace' });
    expect(run).toMatchObject({
      status: 'succeeded',
      done: 5,
      total: 5,
      failed_slices: [],
      report: { subscriptions: 5, created: 1, enabled: 1, disabled: 0, extended: 1 },
    });
    expect(run.rate_per_second).toBeGreaterThan(0);
    expect(run.eta_seconds).toBe(0);

    const after = await stack.licenses();
    expect(after).toHaveLength(before);
    expect(after.every((l) => l.enabled)).toBe(true);
    const repaired = after.find((l) => l.id === second![1]!.id)!;
    expect(repaired.validUntil!.getTime()).toBe(rightValidity.getTime());
    const recreated = await stack.licenses({ subscriptionId: subscriptionIds[2] });
    expect(recreated.map((l) => l.unitIndex).sort()).toEqual([0, 1]);

    // Nothing drifted since: a second run changes nothing.
    const again = await resync({ kind: 'stripe-reconcile' });
    expect(again.report).toEqual({
      subscriptions: 5,
      payments: 0,
      refunds: 0,
      disputes: 0,
      created: 0,
      enabled: 0,
      disabled: 0,
      extended: 0,
    });
  });

  it('disables the licenses of a subscription canceled while its events were lost', async () => {
    // Canceled in Stripe, but the events never reach us.
    stack.fake.sim.cancelSubscription(subscriptionIds[3]!);
    const run = await resync({ kind: 'stripe-reconcile' });
    expect(run.report).toMatchObject({ disabled: 2, created: 0 });
    const licenses = await stack.licenses({ subscriptionId: subscriptionIds[3] });
    expect(licenses.map((l) => l.disabledReason)).toEqual(['subscription_canceled', 'subscription_canceled']);
  });

  it('a customer scope reconciles only that customer’s subscriptions', async () => {
    const { licenses, customers } = schema;
    const db = stack.api.db;
    const [a] = await stack.licenses({ subscriptionId: subscriptionIds[0] });
    const [b] = await stack.licenses({ subscriptionId: subscriptionIds[1] });
    await db
      .update(licenses)
      .set({ enabled: false, disabledReason: 'subscription_inactive' })
      .where(eq(licenses.id, a!.id));
    await db
      .update(licenses)
      .set({ enabled: false, disabledReason: 'subscription_inactive' })
      .where(eq(licenses.id, b!.id));
    const [customer] = await db.select().from(customers).where(eq(customers.id, a!.customerId));

    const run = await resync({ kind: 'stripe-reconcile', scope: `customer:${customer!.id}` });
    expect(run).toMatchObject({
      status: 'succeeded',
      done: 1,
      total: 1,
      report: { subscriptions: 1, enabled: 1 },
    });
    const [afterA] = await db.select().from(licenses).where(eq(licenses.id, a!.id));
    const [afterB] = await db.select().from(licenses).where(eq(licenses.id, b!.id));
    expect(afterA!.enabled).toBe(true);
    expect(afterB!.enabled).toBe(false);
    await resync({ kind: 'stripe-reconcile' });
  });

  it('ends failed, listing the page, when a list page fails on every attempt', async () => {
    stack.fake.failNext(3, { status: 500, path: '/v1/subscriptions' });
    const run = await resync({ kind: 'stripe-reconcile' });
    expect(run.status).toBe('failed');
    expect(run.failed_slices).toEqual([{ slice: 'subscriptions after start', error: expect.any(String) }]);
    expect(run.total).toBeNull();
  });

  it('lists a subscription that keeps failing as a slice, finishes the rest, and ends failed', async () => {
    // The first subscription's customer lookup fails on all three attempts.
    stack.fake.failNext(3, { status: 500, path: '/v1/customers' });
    const run = await resync({ kind: 'stripe-reconcile' });
    expect(run).toMatchObject({ status: 'failed', done: 5, total: 5, report: { subscriptions: 4 } });
    expect(run.failed_slices).toEqual([
      { slice: expect.stringMatching(/^subscription:sub_/), error: expect.any(String) },
    ]);

    // A failed run does not keep the next one out.
    const next = await resync({ kind: 'stripe-reconcile' });
    expect(next.status).toBe('succeeded');
  });
});
