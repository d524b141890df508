import * as schema from '@licensync/core/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

it('turns a signed checkout.session.completed into one perpetual license per unit, once', async () => {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Acme Pro', metadata: { short_code: 'pro' } }).product;
  const price = sim.createPrice({ product: product.id, unit_amount: 9900 }).price;
  const { events, session } = sim.checkout({
    customer_email: 'buyer@example.com',
    mode: 'payment',
    lineItems: [{ price: price.id, quantity: 3 }],
  });
  const completed = events.filter((e) => e.type === 'checkout.session.completed');
  expect(completed).toHaveLength(1);

  const [first, again] = await stack.deliver([completed[0]!, completed[0]!]);
  expect(await first!.json()).toEqual({ received: true });
  expect(await again!.json()).toEqual({ received: true, duplicate: true });
  const [row] = await stack.settled(completed);
  expect(row!.status).toBe('processed');

  const licenses = await stack.licenses();
  expect(licenses).toHaveLength(3);
  expect(
    licenses.every(
      (l) => l.licenseType === 'perpetual' && l.enabled && l.stripeCheckoutSessionId === session.id,
    ),
  ).toBe(true);
  expect(new Set(licenses.map((l) => l.licenseKey)).size).toBe(3);
  expect(licenses[0]!.licenseKey).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  const [customer] = await stack.api.db.select().from(schema.customers);
  expect(customer!.email).toBe('buyer@example.com');

  // The same event again, as a manual replay would, creates nothing new.
  await stack.api.db.update(schema.inboxEvents).set({ status: 'failed' });
  await stack.deliver(completed);
  await stack.settled(completed);
  expect(await stack.licenses()).toHaveLength(3);
});
