import type { Config } from '@licensync/core/config';
import * as schema from '@licensync/core/schema';
import { eventually } from '@licensync/test-env';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiRuntime } from '../src/create-api-runtime';
import { type ApiStack, startApi } from './support/start-api';

const stripe = new Stripe('sk_test_x');
let stack: ApiStack;
let config: Config;

function signed(payload: string, secret = config.STRIPE_WEBHOOK_SECRET, timestamp?: number) {
  return stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp && { timestamp }) });
}

function post(body: string | Buffer, headers: Record<string, string>) {
  return fetch(`${stack.api.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

const event = (id: string, type = 'customer.created') =>
  JSON.stringify({
    id,
    object: 'event',
    type,
    api_version: '2026-01-28.clover',
    created: 1,
    data: { object: { id: 'cus_1' } },
  });

beforeAll(async () => {
  stack = await startApi();
  config = stack.env.config;
});
afterAll(() => stack.close());

const inboxRows = () => stack.api.db.select().from(schema.inboxEvents);

describe('POST /webhooks/stripe', () => {
  it('refuses a bad signature with 400 and stores nothing', async () => {
    const payload = event('evt_bad');
    const res = await post(payload, { 'stripe-signature': signed(payload, 'whsec_wrong') });
    expect(res.status).toBe(400);
    expect((await inboxRows()).filter((r) => r.externalId === 'evt_bad')).toHaveLength(0);
  });

  it('refuses a missing signature and a stale timestamp with 400', async () => {
    const payload = event('evt_nosig');
    expect((await post(payload, {})).status).toBe(400);
    const stale = await post(payload, {
      'stripe-signature': signed(payload, undefined, Math.floor(Date.now() / 1000) - 301),
    });
    expect(stale.status).toBe(400);
    expect((await inboxRows()).filter((r) => r.externalId === 'evt_nosig')).toHaveLength(0);
  });

  it('refuses malformed JSON with 400 even when signed', async () => {
    const payload = '{"id": "evt_broken", ';
    const res = await post(payload, { 'stripe-signature': signed(payload) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'body is not valid JSON' });
  });

  it.each(['null', '[]', '"text"', '{"type":"x"}'])(
    'refuses a signed body that is no event (%s) with 400',
    async (payload) => {
      const res = await post(payload, { 'stripe-signature': signed(payload) });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'event needs a string id and type' });
    },
  );

  it('refuses a body over 1 MB with 413', async () => {
    const payload = JSON.stringify({ id: 'evt_big', type: 'x', pad: 'a'.repeat(1024 * 1024) });
    const res = await post(payload, { 'stripe-signature': signed(payload) });
    expect(res.status).toBe(413);
  });

  it('stores a signed event once, enqueues one job, and answers a redelivery as a duplicate', async () => {
    const payload = event('evt_dup');
    const first = await post(payload, { 'stripe-signature': signed(payload) });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true });
    const second = await post(payload, { 'stripe-signature': signed(payload) });
    expect(await second.json()).toEqual({ received: true, duplicate: true });

    const rows = (await inboxRows()).filter((r) => r.externalId === 'evt_dup');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('pending');
    // The job is added right after the answer (the row is what the answer promises).
    const jobs = await eventually(async () => {
      const all = await stack.api.queues.inbox.getJobs([
        'waiting',
        'active',
        'delayed',
        'completed',
        'failed',
      ]);
      return all.some((j) => j.data.inboxEventId === rows[0]!.id) ? all : undefined;
    });
    expect(jobs.filter((j) => j.data.inboxEventId === rows[0]!.id)).toHaveLength(1);
    expect(jobs.find((j) => j.data.inboxEventId === rows[0]!.id)!.id).toBe(`inbox-${rows[0]!.id}-0`);
  });
});

describe('health and metrics', () => {
  it('answers /healthz, /readyz and /metrics', async () => {
    expect((await fetch(`${stack.api.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${stack.api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, checks: { postgres: true, redis: true } });
    const metrics = await (await fetch(`${stack.api.url}/metrics`)).text();
    expect(metrics).toContain('licensync_webhooks_received_total{provider="stripe",outcome="new"}');
  });

  it('answers /readyz 503 when Redis is unreachable', async () => {
    const down = await createApiRuntime({ ...config, REDIS_URL: 'redis://127.0.0.1:1' }, stack.env.logger);
    try {
      const res = await fetch(`${down.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ checks: { postgres: true, redis: false } });
    } finally {
      await down.close();
    }
  });
});
