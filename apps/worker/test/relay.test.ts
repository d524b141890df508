import { createApiRuntime } from '@licensync/api';
import { recordInboxEvent } from '@licensync/core/inbox';
import { processInboxEventJob } from '@licensync/core/queues';
import * as schema from '@licensync/core/schema';
import { buildStripeEvent, deliverStripeEvent } from '@licensync/fakes/stripe';
import { eventually, settleInbox } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkerRuntime } from '../src/create-worker-runtime';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(() => stack.close());

it('keeps an event whose enqueue failed (Redis down) and relays and processes it once Redis is back', async () => {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Pro', metadata: { short_code: 'pro' } }).product;
  const price = sim.createPrice({ product: product.id, unit_amount: 100 }).price;
  const { events, paymentIntent } = sim.checkout({
    customer_email: 'relay@example.com',
    mode: 'payment',
    lineItems: [{ price: price.id, quantity: 2 }],
  });
  const completed = events.filter((e) => e.type === 'checkout.session.completed');

  // This api sees no Redis: the insert succeeds, the enqueue fails, and Stripe still gets 200.
  const cut = await createApiRuntime(
    { ...stack.env.config, REDIS_URL: 'redis://127.0.0.1:1' },
    stack.env.logger,
  );
  try {
    const res = await deliverStripeEvent(
      `${cut.url}/webhooks/stripe`,
      completed[0]!,
      stack.env.config.STRIPE_WEBHOOK_SECRET,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });
  } finally {
    await cut.close();
  }
  const [pending] = await stack.api.db
    .select()
    .from(schema.inboxEvents)
    .where(eq(schema.inboxEvents.externalId, completed[0]!.id));
  expect(pending).toMatchObject({ status: 'pending', enqueuedAt: null });
  expect(await stack.api.queues.inbox.getJobCounts()).toMatchObject({ waiting: 0, active: 0 });

  // A worker with Redis relays the pending row; the event is processed once.
  const worker = await createWorkerRuntime(stack.env.config, stack.env.logger);
  try {
    const [row] = await settleInbox(stack.api.db, [completed[0]!.id]);
    expect(row).toMatchObject({ status: 'processed' });
    expect(row!.enqueuedAt).not.toBeNull();
    expect(await stack.licenses({ paymentIntentId: paymentIntent!.id })).toHaveLength(2);
    expect((await worker.metrics.inboxRelayed.get()).values[0]!.value).toBe(1);
  } finally {
    await worker.close();
  }
});

it('marks an event type nobody handles as ignored, not failed', async () => {
  const worker = await createWorkerRuntime(stack.env.config, stack.env.logger);
  try {
    const event = buildStripeEvent('balance.available', {
      object: 'balance',
      available: [],
      pending: [],
    } as never);
    expect((await stack.deliver([event]))[0]!.status).toBe(200);
    const [row] = await eventually(async () => {
      const rows = await stack.api.db
        .select()
        .from(schema.inboxEvents)
        .where(eq(schema.inboxEvents.externalId, event.id));
      return rows[0]?.status === 'ignored' ? rows : undefined;
    });
    expect(row!.processedAt).not.toBeNull();
    expect(await stack.api.db.select().from(schema.jobFailures)).toHaveLength(0);
  } finally {
    await worker.close();
  }
});

it('turns a job BullMQ failed without our processor (an unreadable payload) into a kept failure', async () => {
  const { row } = await recordInboxEvent(stack.api.db, {
    workspaceId: stack.workspaceId,
    provider: 'stripe',
    externalId: 'evt_unreadable',
    type: 'checkout.session.completed',
    payload: { id: 'evt_unreadable' },
  });
  // A job the processor cannot parse fails in BullMQ before any of our bookkeeping runs.
  await stack.api.queues.inbox.add(
    processInboxEventJob.name,
    { inboxEventId: 'not-a-number' },
    {
      jobId: processInboxEventJob.jobId(row.id, row.round),
      attempts: 1,
    },
  );
  await stack.api.db
    .update(schema.inboxEvents)
    .set({ enqueuedAt: new Date(Date.now() - 60_000) })
    .where(eq(schema.inboxEvents.id, row.id));
  const worker = await createWorkerRuntime(
    { ...stack.env.config, RELAY_STUCK_AFTER_MS: 500 },
    stack.env.logger,
  );
  try {
    const [failed] = await settleInbox(stack.api.db, ['evt_unreadable']);
    expect(failed).toMatchObject({ status: 'failed' });
    const failures = await stack.api.db
      .select()
      .from(schema.jobFailures)
      .where(eq(schema.jobFailures.eventId, 'evt_unreadable'));
    expect(failures).toHaveLength(1);
    expect(failures[0]!.lastError).toMatch(/inboxEventId/);
  } finally {
    await worker.close();
  }
});
