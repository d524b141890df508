import type { ChildProcess } from 'node:child_process';
import * as schema from '@licensync/core/schema';
import { eventually } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkerRuntime } from '../src/create-worker-runtime';
import { spawnWorker } from './support/spawn-worker';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
let child: ChildProcess | undefined;

beforeAll(async () => {
  // No in-process worker: a separate worker process takes the job and is killed mid-way.
  stack = await startStack({ worker: false, env: { JOB_LOCK_MS: '1000' } });
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await stack.close();
});

it('retries the job of a worker killed mid-job and ends with exactly one set of licenses', async () => {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Pro', metadata: { short_code: 'pro' } }).product;
  const price = sim.createPrice({ product: product.id, unit_amount: 500 }).price;
  const { events } = sim.checkout({
    customer_email: 'k@example.com',
    mode: 'payment',
    lineItems: [{ price: price.id, quantity: 2 }],
  });
  const completed = events.filter((e) => e.type === 'checkout.session.completed');

  // Stripe answers slowly, so the child is inside the handler when it dies.
  stack.fake.setLatency(4000);
  child = spawnWorker(stack.env.config);
  await stack.deliver(completed);
  await eventually(async () => (await stack.api.queues.inbox.getActiveCount()) === 1, 20_000);
  child.kill('SIGKILL');
  await new Promise((r) => child!.once('exit', r));
  expect(await stack.licenses()).toHaveLength(0);

  // A new worker finds the stalled job once its lock expires and runs it again.
  stack.fake.setLatency(0);
  const worker = await createWorkerRuntime(stack.env.config, stack.env.logger);
  try {
    const [row] = await stack.settled(completed);
    expect(row!.status).toBe('processed');
    expect(await stack.licenses()).toHaveLength(2);
    const orders = await stack.api.db.select().from(schema.orders);
    expect(orders).toHaveLength(1);
  } finally {
    await worker.close();
  }
});

it('finishes the in-flight job on SIGTERM, then exits cleanly', async () => {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Pro', metadata: { short_code: 'pro' } }).product;
  const price = sim.createPrice({ product: product.id, unit_amount: 500 }).price;
  const { events, paymentIntent } = sim.checkout({
    customer_email: 'term@example.com',
    mode: 'payment',
    lineItems: [{ price: price.id, quantity: 1 }],
  });
  const completed = events.filter((e) => e.type === 'checkout.session.completed');
  stack.fake.setLatency(1500);
  const worker = spawnWorker(stack.env.config);
  try {
    await stack.deliver(completed);
    await eventually(async () => (await stack.api.queues.inbox.getActiveCount()) === 1, 20_000);
    worker.kill('SIGTERM');
    const code = await new Promise((r) => worker.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    // No other worker ran: the stopping one finished the job before it exited.
    const [row] = await stack.api.db
      .select()
      .from(schema.inboxEvents)
      .where(eq(schema.inboxEvents.externalId, completed[0]!.id));
    expect(row!.status).toBe('processed');
    expect(await stack.licenses({ paymentIntentId: paymentIntent!.id })).toHaveLength(1);
  } finally {
    worker.kill('SIGKILL');
    stack.fake.setLatency(0);
  }
});
