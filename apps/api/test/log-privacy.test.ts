import { Writable } from 'node:stream';
import { createLogger } from '@licensync/core/logging';
import { buildStripeEvent, deliverStripeEvent } from '@licensync/fakes/stripe';
import { createTestEnv, type TestEnv } from '@licensync/test-env';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiRuntime, createApiRuntime } from '../src/index';

const EMAIL = 'private.person@example.com';
let env: TestEnv;
let api: ApiRuntime;
let lines: Record<string, unknown>[] = [];
let raw = '';
beforeAll(async () => {
  env = await createTestEnv();
  const destination = new Writable({
    write(chunk, _enc, done) {
      raw += chunk;
      lines.push(
        ...String(chunk)
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      );
      done();
    },
  });
  api = await createApiRuntime(env.config, createLogger({ level: 'info', name: 'api', destination }));
});
afterAll(async () => {
  await api.close();
  await env.cleanup();
});

const occurrences = (text: string, s: string) => text.split(s).length - 1;

it('a 1 MB event whose insert fails answers 503 (Stripe delivers it again) and logs one line, with neither the email nor the payload', async () => {
  lines = [];
  raw = '';
  // The inbox table gone for a moment: a real failed insert whose parameters hold the whole event.
  await api.db.execute(sql`alter table inbox_events rename to inbox_events_away`);
  const event = buildStripeEvent('customer.updated', {
    id: 'cus_private',
    object: 'customer',
    email: EMAIL,
    description: 'y'.repeat(1_000_000),
  });
  try {
    const res = await deliverStripeEvent(
      `${api.url}/webhooks/stripe`,
      event,
      env.config.STRIPE_WEBHOOK_SECRET,
    );
    expect(res.status).toBe(503);
  } finally {
    await api.db.execute(sql`alter table inbox_events_away rename to inbox_events`);
  }
  await new Promise((r) => setTimeout(r, 50));

  expect(occurrences(raw, EMAIL)).toBe(0);
  expect(raw.length).toBeLessThan(20_000);
  const errors = lines.filter((l) => l.msg === 'inbox insert failed');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({
    eventId: event.id,
    err: { message: 'relation "inbox_events" does not exist' },
  });
  // pino-http's own line for the request: path and status, no body.
  const request = lines.find((l) => l.msg === 'request errored' || l.msg === 'request completed');
  expect(request).toMatchObject({ req: { method: 'POST', path: '/webhooks/stripe' }, res: { status: 503 } });
});

it('logs each request once with its path but not its query string, and answers its request id', async () => {
  lines = [];
  const res = await fetch(`${api.url}/api/v1/history?customer_email=${encodeURIComponent(EMAIL)}`, {
    headers: { authorization: `Bearer ${env.config.ADMIN_TOKEN}`, 'x-request-id': 'req-42' },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('x-request-id')).toBe('req-42');
  await new Promise((r) => setTimeout(r, 50));
  const request = lines.filter((l) => l.msg === 'request completed');
  expect(request).toEqual([
    expect.objectContaining({
      req: { id: 'req-42', method: 'GET', path: '/api/v1/history', ip: '127.0.0.1' },
      res: { status: 200 },
    }),
  ]);
  expect(JSON.stringify(lines)).not.toContain('private.person');
  expect(JSON.stringify(lines)).not.toContain(env.config.ADMIN_TOKEN);
});

it('does not log health probes and metric scrapes', async () => {
  lines = [];
  await fetch(`${api.url}/healthz`);
  await fetch(`${api.url}/metrics`);
  await new Promise((r) => setTimeout(r, 50));
  expect(lines).toEqual([]);
});
