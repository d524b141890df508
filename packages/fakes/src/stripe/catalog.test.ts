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

describe('customers', () => {
  it('creates, retrieves, updates (metadata merges) and filters by email', async () => {
    const created = await stripe.customers.create({
      email: 'ada@example.com',
      name: 'Ada',
      metadata: { a: '1', b: '2' },
    });
    await stripe.customers.create({ email: 'bob@example.com' });
    expect(created).toMatchObject({ object: 'customer', email: 'ada@example.com', name: 'Ada' });
    expect(created.id).toMatch(/^cus_/);

    const updated = await stripe.customers.update(created.id, {
      name: 'Ada L.',
      metadata: { b: '', c: '3' },
    });
    expect(updated.metadata).toEqual({ a: '1', c: '3' });
    expect((await stripe.customers.retrieve(created.id)) as Stripe.Customer).toMatchObject({
      name: 'Ada L.',
    });

    const byEmail = await stripe.customers.list({ email: 'ada@example.com' });
    expect(byEmail.data.map((customer) => customer.id)).toEqual([created.id]);
    expect(byEmail).toMatchObject({ object: 'list', has_more: false, url: '/v1/customers' });
  });
});

describe('products and prices', () => {
  it('creates a product with a chosen id and updates it', async () => {
    const product = await stripe.products.create({
      id: 'prod_pro',
      name: 'Pro',
      metadata: { edition: 'pro' },
    });
    expect(product.id).toBe('prod_pro');
    const updated = await stripe.products.update('prod_pro', { name: 'Pro 2', metadata: { seats: '5' } });
    expect(updated).toMatchObject({ name: 'Pro 2', metadata: { edition: 'pro', seats: '5' } });
    expect((await stripe.products.list()).data.map((p) => p.id)).toEqual(['prod_pro']);
  });

  it('creates recurring and one-time prices and lists them by product with expansion', async () => {
    const pro = await stripe.products.create({ name: 'Pro' });
    const other = await stripe.products.create({ name: 'Other' });
    const monthly = await stripe.prices.create({
      product: pro.id,
      unit_amount: 1500,
      currency: 'eur',
      recurring: { interval: 'month', interval_count: 3 },
      metadata: { seats: '5' },
    });
    const once = await stripe.prices.create({ product: pro.id, unit_amount: 9900, currency: 'eur' });
    await stripe.prices.create({ product: other.id, unit_amount: 1, currency: 'eur' });

    expect(monthly).toMatchObject({
      type: 'recurring',
      recurring: { interval: 'month', interval_count: 3, usage_type: 'licensed' },
      unit_amount_decimal: '1500',
      metadata: { seats: '5' },
    });
    expect(once).toMatchObject({ type: 'one_time', recurring: null });

    const list = await stripe.prices.list({ product: pro.id, expand: ['data.product'] });
    expect(list.data.map((price) => price.id)).toEqual([once.id, monthly.id]);
    expect((list.data[0]?.product as Stripe.Product | undefined)?.name).toBe('Pro');
    expect((await stripe.prices.list({ type: 'recurring' })).data.map((price) => price.id)).toEqual([
      monthly.id,
    ]);

    const updated = await stripe.prices.update(monthly.id, { metadata: { tier: 'gold' }, active: false });
    expect(updated).toMatchObject({ active: false, metadata: { seats: '5', tier: 'gold' } });
    expect((await stripe.prices.retrieve(monthly.id, { expand: ['product'] })).product).toMatchObject({
      id: pro.id,
    });
  });

  it('refuses a price for an unknown product', async () => {
    await expect(
      stripe.prices.create({ product: 'prod_nope', unit_amount: 1, currency: 'usd' }),
    ).rejects.toMatchObject({
      statusCode: 404,
      message: "No such product: 'prod_nope'",
      param: 'product',
    });
  });

  it('emits price.created and price.updated with previous_attributes from the simulator', async () => {
    const { product } = fake.sim.createProduct({ name: 'Pro' });
    const created = fake.sim.createPrice({ product: product.id, unit_amount: 100, metadata: { seats: '1' } });
    expect(created.events.map((event) => event.type)).toEqual(['price.created']);
    const updated = fake.sim.updatePrice(created.price.id, { metadata: { seats: '10' } });
    const [event] = updated.events;
    expect(event?.type).toBe('price.updated');
    expect(event?.data.previous_attributes).toEqual({ metadata: { seats: '1' } });
    expect((event?.data.object as Stripe.Price | undefined)?.metadata).toEqual({ seats: '10' });
  });
});

describe('list paging', () => {
  it('pages newest first with limit, starting_after, ending_before and auto-pagination', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 25; index += 1)
      ids.push((await stripe.customers.create({ name: `c${index}` })).id);
    const newestFirst = [...ids].reverse();

    const first = await stripe.customers.list({ limit: 10 });
    expect(first.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 10));
    expect(first.has_more).toBe(true);
    const second = await stripe.customers.list({ limit: 10, starting_after: first.data.at(-1)?.id });
    expect(second.data.map((c) => c.id)).toEqual(newestFirst.slice(10, 20));
    const back = await stripe.customers.list({ limit: 5, ending_before: second.data[0]?.id });
    expect(back.data.map((c) => c.id)).toEqual(newestFirst.slice(5, 10));
    expect(back.has_more).toBe(true);

    const all = await stripe.customers.list({ limit: 7 }).autoPagingToArray({ limit: 100 });
    expect(all.map((c) => c.id)).toEqual(newestFirst);
  });

  it('refuses a limit above 100', async () => {
    await expect(stripe.customers.list({ limit: 101 })).rejects.toMatchObject({
      statusCode: 400,
      param: 'limit',
    });
  });
});
