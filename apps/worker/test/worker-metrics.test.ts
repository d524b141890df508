import { brokenPurchases } from '@licensync/test-env';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWorkerHttp, type WorkerHttp } from '../src/http/start-worker-http';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
let http: WorkerHttp;
beforeAll(async () => {
  stack = await startStack();
  http = await startWorkerHttp({ ...stack.env.config, WORKER_PORT: 0 }, stack.worker!);
});
afterAll(async () => {
  await http.close();
  await stack.close();
});

const scrape = async (url: string) => (await fetch(`${url}/metrics`)).text();
const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

it('scrapes live values from the worker after it processed a broken purchase', async () => {
  const { completed } = brokenPurchases(stack.fake.sim, ['metrics@example.com']);
  await stack.deliver(completed);
  await stack.settled(completed);

  const text = await scrape(`http://127.0.0.1:${http.port}`);
  expect(value(text, 'licensync_failures_open')).toBe(1);
  expect(value(text, 'licensync_jobs_finished_total{queue="inbox-events",outcome="failed"}')).toBe(1);
  expect(
    value(
      text,
      'licensync_job_duration_seconds_count{queue="inbox-events",job="process-inbox-event",outcome="failed"}',
    ),
  ).toBe(1);
  for (const queue of ['inbox-events', 'hubspot-sync', 'resyncs']) {
    expect(value(text, `licensync_queue_workers{queue="${queue}"}`)).toBe(1);
    expect(value(text, `licensync_queue_oldest_waiting_age_seconds{queue="${queue}"}`)).toBe(0);
    expect(value(text, `licensync_queue_jobs{queue="${queue}",state="waiting"}`)).toBe(0);
  }
  expect(value(text, 'licensync_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
  expect(text).toMatch(/^# TYPE licensync_hubspot_rate_limit_pauses_total counter$/m);
  expect(text).not.toMatch(/429_total/);
});

it('shows the age of the oldest waiting job while the workers are paused', async () => {
  const { completed } = brokenPurchases(stack.fake.sim, ['paused-metrics@example.com']);
  await stack.worker!.inboxWorker.pause();
  await stack.deliver(completed);
  await new Promise((r) => setTimeout(r, 1100));
  const text = await scrape(`http://127.0.0.1:${http.port}`);
  expect(
    value(text, 'licensync_queue_oldest_waiting_age_seconds{queue="inbox-events"}'),
  ).toBeGreaterThanOrEqual(1);
  const waiting =
    (value(text, 'licensync_queue_jobs{queue="inbox-events",state="waiting"}') ?? 0) +
    (value(text, 'licensync_queue_jobs{queue="inbox-events",state="prioritized"}') ?? 0);
  expect(waiting).toBe(1);
  stack.worker!.inboxWorker.resume();
  await stack.settled(completed);
});

it('times webhook ingress on the api by status', async () => {
  const { completed } = brokenPurchases(stack.fake.sim, ['ingress@example.com']);
  await stack.deliver(completed);
  await fetch(`${stack.api.url}/webhooks/stripe`, { method: 'POST', body: '{}' });
  const text = await scrape(stack.api.url);
  expect(
    value(text, 'licensync_webhook_ingress_duration_seconds_count{provider="stripe",status="200"}'),
  ).toBeGreaterThanOrEqual(1);
  expect(
    value(text, 'licensync_webhook_ingress_duration_seconds_count{provider="stripe",status="400"}'),
  ).toBe(1);
});
