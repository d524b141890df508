import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

// Its own stack: a reconcile looks at every purchase in Stripe, so other tests' broken ones would count.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const cli = (...args: string[]) => stack.cli(...args);

it('resync runs a real Stripe reconcile on the live stack and waits for it', async () => {
  expect((await cli('catalog', 'import', 'examples/catalog.yaml')).code).toBe(0);
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Pro' }).product;
  const price = sim.createPrice({
    product: product.id,
    unit_amount: 900,
    recurring: { interval: 'month' },
    metadata: { short_code: 'pro', license_policy: 'sub' },
  }).price;
  // A subscription whose events never reached us: only the reconcile can license it.
  const customer = sim.createCustomer({ email: 'lost-events@example.com' }).customer;
  const { subscription } = sim.createSubscription({
    customer: customer.id,
    items: [{ price: price.id, quantity: 2 }],
  });

  const run = await cli('resync', 'stripe-reconcile', '--wait');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const res = await stack.call('GET', `/licenses?stripe_subscription_id=${subscription.id}`);
  expect(res.body.data).toHaveLength(2);
});
