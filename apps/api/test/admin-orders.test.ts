import { randomUUID } from 'node:crypto';
import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;

const catalog = {
  products: [
    {
      short_code: 'pro',
      name: 'Pro',
      authorization_method: 'license-key',
      features: [
        { code: 'export', name: 'Export' },
        { code: 'batch', name: 'Batch' },
      ],
      custom_fields: [{ name: 'tier', default_value: 'standard' }],
      policies: [
        {
          code: 'annual',
          name: 'Annual',
          license_type: 'time-limited',
          valid_duration: '1y',
          features: ['batch'],
        },
        { code: 'forever', name: 'Perpetual', license_type: 'perpetual', is_default: true },
      ],
    },
  ],
};

/** The example request. */
const example = {
  customer: {
    email: 'ada@example.com',
    first_name: 'Ada',
    last_name: 'Lovelace',
    company: 'Analytical Engines',
  },
  product: 'pro',
  policy: 'annual',
  quantity: 2,
  overrides: { max_activations: 3, features: ['export'], custom_fields: { tier: 'gold' } },
};

const order = (body: unknown, key?: string) =>
  stack.call('POST', '/orders', body, key ? { 'idempotency-key': key } : {});
const count = async (table: typeof schema.orders | typeof schema.licenses | typeof schema.customers) =>
  (await stack.api.db.select().from(table)).length;

beforeAll(async () => {
  stack = await startApi();
  expect((await stack.call('POST', '/catalog/import', catalog)).status).toBe(200);
});
afterAll(() => stack.close());

describe('POST /api/v1/orders', () => {
  it('creates the order and its licenses as the example shows, with history and HubSpot intents', async () => {
    const res = await order(example, randomUUID());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      customer_id: expect.any(String),
      source: 'manual',
    });
    expect(res.body.licenses).toHaveLength(2);
    for (const license of res.body.licenses) {
      expect(license).toMatchObject({
        key: expect.any(String),
        product: 'pro',
        policy: 'annual',
        license_type: 'time-limited',
        max_activations: 3,
        features: [{ code: 'export', max_consumption: null }],
        custom_fields: { tier: 'gold' },
        customer: { email: 'ada@example.com' },
      });
      expect(license.key).toBe(license.license_key);
      expect(Date.parse(license.valid_until)).toBeGreaterThan(Date.now() + 360 * 86_400_000);
    }
    const [customer] = await stack.api.db
      .select()
      .from(schema.customers)
      .where(eq(schema.customers.id, res.body.customer_id));
    expect(customer!.name).toBe('Ada Lovelace');
    const [account] = await stack.api.db
      .select()
      .from(schema.customerAccounts)
      .where(eq(schema.customerAccounts.id, customer!.customerAccountId!));
    expect(account!.name).toBe('Analytical Engines');
    const intents = await stack.api.db.select().from(schema.syncOutbox);
    const licenseIds = res.body.licenses.map((l: { id: string }) => l.id);
    expect(intents.filter((i) => licenseIds.includes(i.objectId)).map((i) => i.priority)).toEqual([0, 0]);
    const history = await stack.call('GET', `/history?license_id=${licenseIds[0]}`);
    expect(history.body.data.map((e: { kind: string }) => e.kind)).toContain('order.created');
  });

  it('an order created twice with one key gives one order, answered 200 with the same body', async () => {
    const key = randomUUID();
    const body = { ...example, customer: { ...example.customer, email: 'twice@example.com' } };
    const first = await order(body, key);
    const [orders, licenses] = [await count(schema.orders), await count(schema.licenses)];
    const second = await order(body, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect([await count(schema.orders), await count(schema.licenses)]).toEqual([orders, licenses]);
  });

  it('two requests with one key at once still give one order', async () => {
    const key = randomUUID();
    const body = { ...example, customer: { ...example.customer, email: 'race@example.com' } };
    const before = await count(schema.orders);
    const answers = await Promise.all([order(body, key), order(body, key), order(body, key)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await count(schema.orders)).toBe(before + 1);
  });

  it('the same key with another body gives 422 and creates nothing', async () => {
    const key = randomUUID();
    expect((await order(example, key)).status).toBe(201);
    const before = await count(schema.licenses);
    const res = await order({ ...example, quantity: 3 }, key);
    expect(res.status).toBe(422);
    expect(res.body.fields).toHaveProperty('Idempotency-Key');
    expect(await count(schema.licenses)).toBe(before);
  });

  it('a contact whose company has no name gets 422 "Company name can\'t be empty" and nothing is created', async () => {
    const before = [await count(schema.customers), await count(schema.orders), await count(schema.licenses)];
    const res = await order({
      ...example,
      customer: { email: 'noname@example.com', company: { name: ' ' } },
    });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      error: "Company name can't be empty",
      fields: { 'customer.company': "Company name can't be empty" },
    });
    expect([await count(schema.customers), await count(schema.orders), await count(schema.licenses)]).toEqual(
      before,
    );
  });

  it('licenses an existing customer by id, with the default policy and the caller as source', async () => {
    const first = await order(example);
    const res = await order({
      customer: { id: first.body.customer_id },
      product: 'pro',
      quantity: 1,
      source: 'hubspot_card',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ customer_id: first.body.customer_id, source: 'hubspot_card' });
    expect(res.body.licenses[0]).toMatchObject({
      policy: 'forever',
      license_type: 'perpetual',
      valid_until: null,
    });
  });

  it('licenses a customer account through its first contact', async () => {
    const first = await order(example);
    const res = await order({
      customer: { account_id: first.body.customer_account_id },
      product: 'pro',
      quantity: 1,
    });
    expect(res.status).toBe(201);
    expect(res.body.customer_account_id).toBe(first.body.customer_account_id);
  });

  it.each([
    ['an unknown product', { product: 'nope' }, 'product'],
    ['a policy of no such name', { policy: 'weekly' }, 'policy'],
    ['a feature the product lacks', { overrides: { features: ['fly'] } }, 'overrides.features[0]'],
    [
      'a custom field the product lacks',
      { overrides: { custom_fields: { colour: 'red' } } },
      'overrides.custom_fields.colour',
    ],
    ['an unknown customer id', { customer: { id: randomUUID() } }, 'customer.id'],
  ])('%s gets 422 naming the field', async (_name, change, field) => {
    const res = await order({ ...example, ...change });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual([field]);
  });

  it.each([
    ['no customer at all', { customer: {} }, 'customer'],
    ['a quantity of 0', { quantity: 0 }, 'quantity'],
    ['a company without an email', { customer: { id: randomUUID(), company: 'Acme' } }, 'customer'],
    [
      'valid_duration with valid_until',
      { overrides: { valid_duration: '1m', valid_until: '2030-01-01T00:00:00Z' } },
      'overrides',
    ],
    ['an unknown override', { overrides: { colour: 'red' } }, 'overrides.colour'],
  ])('%s gets 400 naming the field', async (_name, change, field) => {
    const res = await order({ ...example, ...change });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields)).toEqual([field]);
  });

  it('valid_until overrides the policy validity', async () => {
    const res = await order({
      ...example,
      quantity: 1,
      overrides: { valid_until: '2031-02-03T00:00:00Z', is_trial: true },
    });
    expect(res.status).toBe(201);
    expect(res.body.licenses[0]).toMatchObject({ valid_until: '2031-02-03T00:00:00.000Z', is_trial: true });
  });
});
