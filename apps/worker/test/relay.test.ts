import { createApiRuntime } from '@licensync/api';
import { schema } from '@licensync/core';
import { createTestEnv, eventually, type TestEnv } from '@licensync/testkit';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkerRuntime } from '../src/create-worker-runtime';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.cleanup());

it('keeps an event whose enqueue failed (Redis down) and relays it once Redis is back', async () => {
  // The api sees no Redis: the insert succeeds, the enqueue fails, and the sender still gets 200.
  const api = await createApiRuntime({ ...env.config, REDIS_URL: 'redis://127.0.0.1:1' }, env.logger);
  const payload = JSON.stringify({
    id: 'evt_relay',
    object: 'event',
    type: 'customer.created',
    data: { object: {} },
  });
  const header = new Stripe('sk_test_x').webhooks.generateTestHeaderString({
    payload,
    secret: env.config.STRIPE_WEBHOOK_SECRET,
  });
  const res = await fetch(`${api.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ received: true });
  const [pending] = await api.db
    .select()
    .from(schema.inboxEvents)
    .where(eq(schema.inboxEvents.externalId, 'evt_relay'));
  expect(pending).toMatchObject({ status: 'pending', enqueuedAt: null });
  await api.close();

  // A worker with Redis relays the pending row and processes it.
  const worker = await createWorkerRuntime(env.config, env.logger);
  try {
    const done = await eventually(async () => {
      const [row] = await worker.db
        .select()
        .from(schema.inboxEvents)
        .where(eq(schema.inboxEvents.externalId, 'evt_relay'));
      return row?.status === 'ignored' ? row : undefined;
    });
    expect(done.enqueuedAt).not.toBeNull();
    expect(await worker.metrics.inboxRelayed.get()).toMatchObject({ values: [{ value: 1 }] });
  } finally {
    await worker.close();
  }
});
