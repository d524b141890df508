import * as schema from '@licensync/core/schema';
import { HANDLED_STRIPE_EVENTS, STRIPE_API_VERSION } from '@licensync/core/stripe';
import { createFakeStripe, type FakeStripe } from '@licensync/fakes/stripe';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

let fake: FakeStripe;
let stack: ApiStack;

const endpoints = () => fake.state.store.all<Stripe.WebhookEndpoint>('webhook_endpoint');
const as = (slug: string) => ({ 'licensync-workspace': slug });

beforeAll(async () => {
  fake = await createFakeStripe();
  stack = await startApi({ STRIPE_API_BASE: fake.url, PUBLIC_URL: 'https://licensync.example.com/' });
  for (const slug of ['test-mode', 'live-mode']) {
    expect((await stack.call('POST', '/workspaces', { slug, name: slug })).status).toBe(201);
  }
});
afterAll(async () => {
  await stack.close();
  await fake.close();
});

describe('POST /connections/stripe', () => {
  it('checks the key with Stripe and registers our endpoint with exactly the events we handle', async () => {
    const res = await stack.call(
      'POST',
      '/connections/stripe',
      { api_key: 'sk_test_workspace_a', register_webhook: true },
      as('test-mode'),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'stripe',
      state: 'connected',
      account_id: 'acct_fake0000000000',
      livemode: false,
      has_webhook_secret: true,
    });
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/v1/account')).toBe(true);

    const [endpoint] = endpoints();
    expect(endpoint).toMatchObject({
      id: res.body.webhook_endpoint_id,
      url: 'https://licensync.example.com/webhooks/stripe/test-mode',
      api_version: STRIPE_API_VERSION,
    });
    expect([...endpoint!.enabled_events].sort()).toEqual([...HANDLED_STRIPE_EVENTS].sort());

    // The stored secrets are sealed, and the returned signing secret is the one the URL checks.
    const [row] = await stack.api.db.select().from(schema.stripeConnections);
    expect(row!.apiKey).toMatch(/^enc:v1:/);
    expect(row!.webhookSecret).toMatch(/^enc:v1:/);
    expect(JSON.stringify(row)).not.toContain('sk_test_workspace_a');
    expect(JSON.stringify(row)).not.toContain(endpoint!.secret);
    const payload = JSON.stringify({
      id: 'evt_reg',
      object: 'event',
      type: 'customer.created',
      data: { object: {} },
    });
    const header = new Stripe('sk_test_x').webhooks.generateTestHeaderString({
      payload,
      secret: endpoint!.secret!,
    });
    const delivered = await fetch(`${stack.api.url}/webhooks/stripe/test-mode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
      body: payload,
    });
    expect(delivered.status).toBe(200);
  });

  it('keeps test mode and live mode as two workspaces side by side', async () => {
    const live = await stack.call(
      'POST',
      '/connections/stripe',
      { api_key: 'rk_live_workspace_b', register_webhook: true },
      as('live-mode'),
    );
    expect(live.body).toMatchObject({ livemode: true });
    expect(
      endpoints()
        .map((e) => e.url)
        .sort(),
    ).toEqual([
      'https://licensync.example.com/webhooks/stripe/live-mode',
      'https://licensync.example.com/webhooks/stripe/test-mode',
    ]);
    const list = await stack.call('GET', '/connections', undefined, as('live-mode'));
    expect(list.body.data).toEqual([
      expect.objectContaining({ kind: 'stripe', livemode: true, has_api_key: true }),
    ]);
  });

  it('registering again replaces the old endpoint in Stripe', async () => {
    const before = endpoints().find((e) => e.url.endsWith('/test-mode'))!;
    const res = await stack.call('POST', '/connections/stripe', { register_webhook: true }, as('test-mode'));
    expect(res.status).toBe(200);
    const now = endpoints().filter((e) => e.url.endsWith('/test-mode'));
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(before.id);
  });

  it('refuses a key Stripe refuses, storing nothing', async () => {
    expect((await stack.call('POST', '/workspaces', { slug: 'bad-key', name: 'b' })).status).toBe(201);
    fake.failNext(1, { path: '/v1/account', status: 401, message: 'Invalid API Key provided' });
    const res = await stack.call(
      'POST',
      '/connections/stripe',
      { api_key: 'sk_test_revoked' },
      as('bad-key'),
    );
    expect(res.status).toBe(400);
    expect(res.body.fields.api_key).toMatch(/^Stripe refused the key/);
    const [ws] = await stack.api.db
      .select()
      .from(schema.workspaces)
      .where(eq(schema.workspaces.slug, 'bad-key'));
    const rows = await stack.api.db
      .select()
      .from(schema.stripeConnections)
      .where(eq(schema.stripeConnections.workspaceId, ws!.id));
    expect(rows).toEqual([]);
  });

  it('refuses register_webhook without a key, and a malformed key', async () => {
    const res = await stack.call('POST', '/connections/stripe', { register_webhook: true }, as('bad-key'));
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('register_webhook');
    const bad = await stack.call('POST', '/connections/stripe', { api_key: 'pk_test_public' }, as('bad-key'));
    expect(bad.body.fields).toHaveProperty('api_key');
  });
});
