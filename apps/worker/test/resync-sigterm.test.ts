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
  stack = await startStack({ worker: false, env: { RESYNC_PAGE_SIZE: '2', WORKER_STOP_TIMEOUT_MS: '8000' } });
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await stack.close();
});

const runOf = async (id: string) =>
  (await stack.api.db.select().from(schema.resyncRuns).where(eq(schema.resyncRuns.id, id)))[0]!;

it('a SIGTERM during a long resync stops it at the next checkpoint, and the next start resumes from there', async () => {
  const { sim } = stack.fake;
  const price = createProMonthlyPrice(sim);
  for (let i = 0; i < 10; i++) {
    const { customer } = sim.createCustomer({ email: `term${i}@example.com` });
    sim.createSubscription({ customer: customer.id, items: [{ price: price.id, quantity: 1 }] });
  }
  // Slow enough that finishing the run would take far longer than the stop is allowed to.
  stack.fake.setLatency(400);
  child = spawnWorker(stack.env.config);
  const started = await stack.call('POST', '/resyncs', { kind: 'stripe-reconcile', scope: 'workspace' });
  const { id } = started.body as { id: string };
  await eventually(async () => (await runOf(id)).done >= 2, 30_000);

  const signalledAt = Date.now();
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => child!.once('exit', resolve));
  const stoppedInMs = Date.now() - signalledAt;
  const atStop = await runOf(id);
  expect(code).toBe(0);
  // Well under the time the remaining subscriptions take at this latency, and within the bound.
  expect(stoppedInMs).toBeLessThan(8000);
  expect(atStop.status).toBe('running');
  expect(atStop.done).toBeLessThan(10);
  expect(atStop.checkpoint).toMatchObject({
    phase: 'subscriptions',
    startingAfter: expect.stringMatching(/^sub_/),
  });

  stack.fake.setLatency(0);
  const worker = await createWorkerRuntime(stack.env.config, stack.env.logger);
  try {
    const run = await eventually(async () => {
      const r = await runOf(id);
      return r.status !== 'running' ? r : undefined;
    }, 30_000);
    expect(run).toMatchObject({ status: 'succeeded', done: 10, total: 10, failedSlices: [] });
    expect(await stack.licenses()).toHaveLength(10);
  } finally {
    await worker.close();
  }
}, 90_000);
