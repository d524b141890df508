import Stripe from 'stripe';
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

async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeError);
  return error as Stripe.errors.StripeError;
}

describe('errors', () => {
  it('answers a missing object with 404 resource_missing', async () => {
    const response = await fetch(`${fake.url}/v1/prices/price_x`, {
      headers: { Authorization: 'Bearer sk_test_1' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: "No such price: 'price_x'",
        param: 'id',
      },
    });
    const error = await rejection(stripe.customers.retrieve('cus_missing'));
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('resource_missing');
  });

  it('rejects unknown parameters, nested ones by their full name', async () => {
    const top = await rejection(stripe.customers.create({ foo: 'bar' } as Stripe.CustomerCreateParams));
    expect(top.statusCode).toBe(400);
    expect(top.message).toBe('Received unknown parameter: foo');
    const { product } = fake.sim.createProduct({ name: 'Pro' });
    const nested = await rejection(
      stripe.prices.create({
        product: product.id,
        currency: 'usd',
        unit_amount: 100,
        recurring: { interval: 'month', foo: 1 } as Stripe.PriceCreateParams.Recurring,
      }),
    );
    expect(nested.message).toBe('Received unknown parameter: recurring[foo]');
    expect(nested.param).toBe('recurring[foo]');
  });

  it('reports a missing required parameter', async () => {
    const { product } = fake.sim.createProduct({ name: 'Pro' });
    const error = await rejection(
      stripe.prices.create({ product: product.id, unit_amount: 100 } as Stripe.PriceCreateParams),
    );
    expect(error.code).toBe('parameter_missing');
    expect(error.param).toBe('currency');
  });

  it('answers 401 without a Bearer key and for a key that is not a secret key', async () => {
    const response = await fetch(`${fake.url}/v1/customers`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/did not provide an API key/);
    const error = await rejection(fake.stripeClient({ apiKey: 'pk_test_public' }).customers.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('answers an unknown URL with Stripe 404 "Unrecognized request URL"', async () => {
    const response = await fetch(`${fake.url}/v1/nothing_here`, {
      headers: { Authorization: 'Bearer sk_test_1' },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /^Unrecognized request URL \(GET: \/v1\/nothing_here\)/,
    );
  });
});

describe('idempotency', () => {
  it('replays the first response for a repeated Idempotency-Key without creating twice', async () => {
    const first = await stripe.customers.create(
      { email: 'a@example.com' },
      { idempotencyKey: 'evt_1:customer' },
    );
    const second = await stripe.customers.create(
      { email: 'a@example.com' },
      { idempotencyKey: 'evt_1:customer' },
    );
    expect(second.id).toBe(first.id);
    expect((await stripe.customers.list()).data).toHaveLength(1);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(fake.requests.map((request) => request.replayed)).toEqual([false, true, false]);
    expect(fake.requests[0]?.idempotencyKey).toBe('evt_1:customer');
  });

  it('refuses a reused key with different parameters', async () => {
    await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'k1' });
    const error = await rejection(
      stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'k1' }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.type).toBe('StripeIdempotencyError');
  });

  it('does not store a validation failure under the key', async () => {
    await rejection(
      stripe.customers.create({ bogus: 1 } as Stripe.CustomerCreateParams, { idempotencyKey: 'k2' }),
    );
    const customer = await stripe.customers.create({ email: 'ok@example.com' }, { idempotencyKey: 'k3' });
    expect(customer.email).toBe('ok@example.com');
  });
});

describe('request plumbing', () => {
  it('sends a Request-Id and logs method, path, query, key and status', async () => {
    const list = await stripe.customers.list({ limit: 3, email: 'x@example.com' });
    expect(list.lastResponse.requestId).toMatch(/^req_/);
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/v1/customers',
      query: { limit: '3', email: 'x@example.com' },
      status: 200,
      requestId: list.lastResponse.requestId,
    });
  });

  it('fails the next n matching requests with the chosen status, then recovers', async () => {
    fake.failNext(2, { status: 503, path: '/v1/customers' });
    await stripe.products.list();
    const first = await rejection(stripe.customers.list());
    expect(first.statusCode).toBe(503);
    expect(first).toBeInstanceOf(Stripe.errors.StripeAPIError);
    await rejection(stripe.customers.list());
    await expect(stripe.customers.list()).resolves.toMatchObject({ object: 'list' });
    expect(fake.requests.map((request) => request.status)).toEqual([200, 503, 503, 200]);
  });

  it('lets a retry with the same key run after an injected failure', async () => {
    fake.failNext(1, { status: 500 });
    await rejection(stripe.customers.create({ email: 'r@example.com' }, { idempotencyKey: 'retry-me' }));
    const customer = await stripe.customers.create(
      { email: 'r@example.com' },
      { idempotencyKey: 'retry-me' },
    );
    expect(customer.email).toBe('r@example.com');
  });

  it('answers 429 as a rate limit error', async () => {
    fake.failNext(1, { status: 429 });
    const error = await rejection(stripe.customers.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
  });

  it('delays responses by the configured latency', async () => {
    fake.setLatency(60);
    const started = performance.now();
    await stripe.customers.list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('reset forgets objects, the log and knobs', async () => {
    await stripe.customers.create({ email: 'gone@example.com' });
    fake.failNext(5);
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    expect((await stripe.customers.list()).data).toEqual([]);
  });
});
