import * as schema from '@licensync/core/schema';
import { brokenPurchases } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

it('fails at once on broken metadata with a message naming price and attribute, and succeeds on replay once fixed', async () => {
  const { price, purchases, completed, fix } = brokenPurchases(stack.fake.sim, ['fix@example.com']);
  const paymentIntentId = purchases[0]!.pi;
  await stack.deliver(completed);
  const [row] = await stack.settled(completed);
  expect(row!.status).toBe('failed');
  expect(row!.lastError).toContain(`price ${price.id}: floating_cloud (5) must be ≤ max_activations (2)`);

  const [failure] = await stack.api.db
    .select()
    .from(schema.jobFailures)
    .where(eq(schema.jobFailures.eventId, completed[0]!.id));
  // Permanent: one attempt, no retries with backoff.
  expect(failure).toMatchObject({
    queue: 'inbox-events',
    eventType: 'checkout.session.completed',
    attempts: 1,
  });
  expect(failure!.lastError).toContain('floating_cloud');
  expect(await stack.licenses({ paymentIntentId })).toHaveLength(0);

  // The vendor fixes the price; Stripe's next delivery (or an operator's replay) now succeeds.
  fix();
  const [again] = await stack.deliver(completed);
  expect(await again!.json()).toEqual({ received: true });
  await stack.settled(completed);
  const [fixed] = await stack.api.db
    .select()
    .from(schema.inboxEvents)
    .where(eq(schema.inboxEvents.id, row!.id));
  expect(fixed).toMatchObject({ status: 'processed', round: 1 });
  expect(await stack.licenses({ paymentIntentId })).toHaveLength(1);
});

it('an unknown product fails with a reason, not a retry loop', async () => {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Ghost', metadata: { short_code: 'ghost' } }).product;
  const price = sim.createPrice({ product: product.id, unit_amount: 100 }).price;
  const { events } = sim.checkout({
    customer_email: 'ghost@example.com',
    mode: 'payment',
    lineItems: [{ price: price.id }],
  });
  const completed = events.filter((e) => e.type === 'checkout.session.completed');
  await stack.deliver(completed);
  const [row] = await stack.settled(completed);
  expect(row!.lastError).toBe(`price ${price.id}: short_code "ghost" names no product in the catalog`);
});

it('retries a transient Stripe failure with backoff and then succeeds', async () => {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Pro', metadata: { short_code: 'pro' } }).product;
  const price = sim.createPrice({ product: product.id, unit_amount: 100 }).price;
  const { events, paymentIntent } = sim.checkout({
    customer_email: 'flaky@example.com',
    mode: 'payment',
    lineItems: [{ price: price.id }],
  });
  const completed = events.filter((e) => e.type === 'checkout.session.completed');
  stack.fake.failNext(2, { status: 503, path: '/v1/checkout/sessions' });
  await stack.deliver(completed);
  const [row] = await stack.settled(completed);
  expect(row!.status).toBe('processed');
  expect(await stack.licenses({ paymentIntentId: paymentIntent!.id })).toHaveLength(1);
});

it('lints prices when they are created or updated and clears the record once fixed', async () => {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Team' }).product;
  const created = sim.createPrice({
    product: product.id,
    unit_amount: 100,
    recurring: { interval: 'month' },
    metadata: { short_code: 'team', license_type: 'perpetual', is_single_license: 'yes' },
  });
  await stack.deliver(created.events);
  await stack.settled(created.events);
  const [problems] = await stack.api.db.select().from(schema.stripePriceProblems);
  expect(problems!.priceId).toBe(created.price.id);
  expect(problems!.problems.map((p) => p.attribute).sort()).toEqual(['is_single_license', 'license_type']);

  const updated = sim.updatePrice(created.price.id, {
    metadata: { license_type: 'subscription', is_single_license: 'true' },
  });
  await stack.deliver(updated.events);
  await stack.settled(updated.events);
  expect(await stack.api.db.select().from(schema.stripePriceProblems)).toHaveLength(0);
});
