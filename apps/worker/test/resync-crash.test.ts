import type { ChildProcess } from 'node:child_process';
import * as schema from '@licensync/core/schema';
import { eventually } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkerRuntime } from '../src/create-worker-runtime';
import { createProMonthlyPrice } from './support/pro-monthly-price';
import { spawnWorker } from './support/spawn-worker';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
let child: ChildProcess | undefined;

beforeAll(async () => {
  // No in-process worker: a separate worker process starts the run and is killed mid-way.
  stack = await startStack({ worker: false, env: { JOB_LOCK_MS: '1000', RESYNC_PAGE_SIZE: '2' } });
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await stack.close();
});

const runOf = async (id: string) =>
  (await stack.api.db.select().from(schema.resyncRuns).where(eq(schema.resyncRuns.id, id)))[0]!;

it('resumes a run whose worker was killed from its checkpoint and counts every license once', async () => {
  const { sim } = stack.fake;
  const price = createProMonthlyPrice(sim);
  // Ten paid subscriptions whose events never reached us: the resync creates all their licenses.
  for (let i = 0; i < 10; i++) {
    const { customer } = sim.createCustomer({ email: `crash${i}@example.com` });
    sim.createSubscription({ customer: customer.id, items: [{ price: price.id, quantity: 2 }] });
  }

  // Stripe answers slowly, so the child is between subscriptions (or inside one) when it dies.
  stack.fake.setLatency(150);
  child = spawnWorker(stack.env.config);
  const started = await stack.call('POST', '/resyncs', { kind: 'stripe-reconcile', scope: 'workspace' });
  const { id } = started.body as { id: string };
  await eventually(async () => (await runOf(id)).done >= 3, 30_000);
  child.kill('SIGKILL');
  await new Promise((r) => child!.once('exit', r));
  const atKill = await runOf(id);
  expect(atKill.status).toBe('running');
  expect(atKill.done).toBeLessThan(10);
  expect(atKill.checkpoint).toMatchObject({
    phase: 'subscriptions',
    startingAfter: expect.stringMatching(/^sub_/),
  });

  // A new worker gets the stalled job once its lock expires and goes on from the checkpoint.
  stack.fake.setLatency(0);
  const listedBefore = stack.fake.requests.filter(
    (r) => r.method === 'GET' && r.path === '/v1/subscriptions',
  );
  const worker = await createWorkerRuntime(stack.env.config, stack.env.logger);
  try {
    const run = await eventually(async () => {
      const r = await runOf(id);
      return r.status !== 'running' ? r : undefined;
    }, 30_000);
    expect(run).toMatchObject({ status: 'succeeded', done: 10, total: 10, failedSlices: [] });
    expect(run.report).toEqual({
      subscriptions: 10,
      payments: 0,
      refunds: 0,
      disputes: 0,
      created: 20,
      enabled: 0,
      disabled: 0,
      extended: 0,
    });
    expect(await stack.licenses()).toHaveLength(20);
    // The resumed run's first list call starts after the checkpoint, not from the beginning.
    const resumed = stack.fake.requests
      .filter((r) => r.method === 'GET' && r.path === '/v1/subscriptions')
      .slice(listedBefore.length);
    expect(resumed[0]?.query).toMatchObject({ starting_after: atKill.checkpoint!.startingAfter });
  } finally {
    await worker.close();
  }
}, 90_000);
