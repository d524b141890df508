import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createFakeStripe,
  createStripeSimulator,
  DEFAULT_STRIPE_API_VERSION,
  type FakeStripe,
} from './index.js';

let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  fake = await createFakeStripe();
  stripe = fake.stripeClient();
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

function seed() {
  const { customer } = fake.sim.createCustomer({ email: 'e@example.com' });
  const { product } = fake.sim.createProduct({ name: 'Pro' });
  const { price } = fake.sim.createPrice({
    product: product.id,
    unit_amount: 500,
    recurring: { interval: 'week' },
  });
  return fake.sim.createSubscription({ customer: customer.id, items: [{ price: price.id }] });
}

describe('events', () => {
  it('stores every emitted event with monotonic created and the API version', async () => {
    const { events } = seed();
    const all = fake.sim.allEvents();
    expect(all.slice(-events.length).map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(all.every((event) => event.api_version === DEFAULT_STRIPE_API_VERSION)).toBe(true);
    const created = all.map((event) => event.created);
    expect(created).toEqual([...created].sort((a, b) => a - b));

    const retrieved = await stripe.events.retrieve(events[0]?.id ?? '');
    expect(retrieved).toMatchObject({ object: 'event', type: events[0]?.type, livemode: false });
    expect(retrieved.id).toMatch(/^evt_/);
  });

  it('lists by type, wildcard, types[] and created[gte]', async () => {
    seed();
    const invoices = await stripe.events.list({ type: 'invoice.*' });
    expect(new Set(invoices.data.map((event) => event.type))).toEqual(
      new Set(['invoice.created', 'invoice.finalized', 'invoice.paid', 'invoice.payment_succeeded']),
    );
    const chosen = await stripe.events.list({ types: ['customer.created', 'price.created'] });
    expect(chosen.data.map((event) => event.type)).toEqual(['price.created', 'customer.created']);

    fake.sim.advanceTime(3600);
    const later = fake.sim.createCustomer({ email: 'later@example.com' }).events[0];
    const recent = await stripe.events.list({ created: { gte: later?.created ?? 0 } });
    expect(recent.data.map((event) => event.id)).toEqual([later?.id]);
  });

  it('stamps another api_version for a simulator created with one', () => {
    const legacy = createStripeSimulator(fake, { apiVersion: '2025-03-31.basil' });
    const { events } = legacy.createCustomer({ email: 'old@example.com' });
    expect(events[0]?.api_version).toBe('2025-03-31.basil');
  });

  it('notifies onEvent listeners, including for API writes, until unsubscribed', async () => {
    const seen: string[] = [];
    const stop = fake.onEvent((event) => seen.push(event.type));
    await stripe.customers.create({ email: 'api@example.com' });
    fake.sim.createProduct({ name: 'X' });
    stop();
    fake.sim.createProduct({ name: 'Y' });
    expect(seen).toEqual(['customer.created', 'product.created']);
  });
});
