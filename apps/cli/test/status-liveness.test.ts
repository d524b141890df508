import { buildStripeEvent } from '@licensync/fakes/stripe';
import { eventually } from '@licensync/test-env';
import { createWorkerRuntime, type WorkerRuntime } from '@licensync/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from './support/run-cli';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
let worker: WorkerRuntime | undefined;
let cliEnv: Record<string, string>;
beforeAll(async () => {
  stack = await startStack({ worker: false });
  cliEnv = { LICENSYNC_URL: stack.api.url, LICENSYNC_ADMIN_TOKEN: stack.env.config.ADMIN_TOKEN };
});
afterAll(async () => {
  await worker?.close();
  await stack.close();
});

it('with no worker running, status says NOT READY and names the oldest waiting event', async () => {
  const event = buildStripeEvent('customer.tax_id.created', { id: 'txi_wait', object: 'tax_id' });
  await stack.deliver([event]);

  const run = await runCli(['status'], cliEnv);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(`api ${stack.api.url} NOT READY · postgres ok · redis ok`);
  expect(run.stdout).toMatch(
    /^workers NONE alive · oldest waiting event customer\.tax_id\.created #\d+, \d+s old$/m,
  );
  expect(run.stderr).toBe('error: no worker is consuming every queue\n');

  const json = JSON.parse((await runCli(['status', '--json'], cliEnv)).stdout);
  expect(json).toMatchObject({
    ok: false,
    workers: { 'inbox-events': 0, 'hubspot-sync': 0, resyncs: 0 },
    workers_ready: false,
    oldest_waiting_event: { type: 'customer.tax_id.created' },
  });

  // /readyz reports the same, but stays 200: the api itself still takes webhooks into the inbox.
  const ready = await fetch(`${stack.api.url}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({
    ok: true,
    workers_ready: false,
    oldest_waiting_event: { type: 'customer.tax_id.created' },
  });
});

it('once a worker runs, status counts it per queue and nothing waits', async () => {
  worker = await createWorkerRuntime(stack.env.config, stack.env.logger);
  await eventually(async () => {
    const res = await fetch(`${stack.api.url}/readyz`);
    const body = (await res.json()) as { workers_ready: boolean; oldest_waiting_event: unknown };
    return body.workers_ready && body.oldest_waiting_event === null;
  }, 20_000);
  const run = await runCli(['status'], cliEnv);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(
    /^workers inbox-events 1 · hubspot-sync 1 · resyncs 1 · outbound-webhooks 1 · status-sweeps 1 · hubspot-workflow-actions 1 · hubspot-deal-associations 1 · license-deliveries 1 · no event waiting$/m,
  );
});
