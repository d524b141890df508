import { buildStripeEvent } from '@licensync/fakes/stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWorkerHttp, type WorkerHttp } from '../src/http/start-worker-http';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
let http: WorkerHttp;
let url: string;
beforeAll(async () => {
  stack = await startStack({ catalog: false });
  http = await startWorkerHttp({ ...stack.env.config, WORKER_PORT: 0 }, stack.worker!);
  url = `http://127.0.0.1:${http.port}`;
});
afterAll(async () => {
  await http.close();
  await stack.close();
});

it('answers /healthz and /readyz with its own checks', async () => {
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ ok: true });
  const ready = await fetch(`${url}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ ok: true, checks: { postgres: true, redis: true, consuming: true } });
  expect((await fetch(`${url}/nope`)).status).toBe(404);
  expect((await fetch(`${url}/readyz`, { method: 'POST' })).status).toBe(405);
});

it('serves the jobs it finished on /metrics, with process metrics beside them', async () => {
  const event = buildStripeEvent('customer.tax_id.created', { id: 'txi_1', object: 'tax_id' });
  expect((await stack.deliver([event]))[0]!.status).toBe(200);
  const [row] = await stack.settled([event]);
  expect(row!.status).toBe('ignored');
  const res = await fetch(`${url}/metrics`);
  expect(res.headers.get('content-type')).toContain('text/plain');
  const text = await res.text();
  expect(text).toMatch(/^licensync_jobs_finished_total\{queue="inbox-events",outcome="ignored"\} 1$/m);
  expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
});

it('is not ready once its inbox worker has stopped consuming', async () => {
  await stack.worker!.inboxWorker.close();
  const ready = await fetch(`${url}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ ok: false, checks: { consuming: false } });
});
