import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeStripe, type FakeStripe } from './index.js';

let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  fake = await createFakeStripe();
  stripe = fake.stripeClient();
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

describe('webhook endpoints', () => {
  it('returns the signing secret on create only; lists, retrieves and deletes', async () => {
    const created = await stripe.webhookEndpoints.create({
      url: 'https://example.com/webhooks/stripe/a',
      enabled_events: ['invoice.paid', 'customer.subscription.updated'],
      api_version: '2026-01-28.clover',
    });
    expect(created).toMatchObject({
      object: 'webhook_endpoint',
      status: 'enabled',
      api_version: '2026-01-28.clover',
    });
    expect(created.secret).toMatch(/^whsec_/);
    const read = await stripe.webhookEndpoints.retrieve(created.id);
    expect(read.secret).toBeUndefined();
    expect(read.enabled_events).toEqual(['invoice.paid', 'customer.subscription.updated']);
    expect((await stripe.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([created.id]);
    expect(await stripe.webhookEndpoints.del(created.id)).toMatchObject({ deleted: true });
    await expect(stripe.webhookEndpoints.retrieve(created.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('refuses a bad URL, a bad event type and unknown parameters like Stripe', async () => {
    await expect(
      stripe.webhookEndpoints.create({ url: 'not a url', enabled_events: ['invoice.paid'] }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'url' });
    await expect(
      stripe.webhookEndpoints.create({
        url: 'https://e.x/a',
        enabled_events: ['Invoice Paid' as 'invoice.paid'],
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'enabled_events[0]' });
    await expect(
      stripe.webhookEndpoints.create({ url: 'https://e.x/a', enabled_events: ['*'], connect: true }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'parameter_unknown' });
  });

  it('answers GET /v1/account for the key', async () => {
    expect(await stripe.accounts.retrieve()).toMatchObject({
      object: 'account',
      id: expect.stringMatching(/^acct_/),
    });
  });
});
