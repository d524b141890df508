import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

it('a company customer gets a customer account, and its licenses belong to it', async () => {
  const { sim } = stack.fake;
  const created = sim.createCustomer({
    email: 'buyer@acme-corp.test',
    name: 'Acme Corp',
    metadata: { customer_type: 'company' },
  });
  await stack.deliver(created.events);
  await stack.settled(created.events);
  const [customer] = await stack.api.db
    .select()
    .from(schema.customers)
    .where(eq(schema.customers.stripeCustomerId, created.customer.id));
  expect(customer).toMatchObject({ customerType: 'company' });
  const [account] = await stack.api.db
    .select()
    .from(schema.customerAccounts)
    .where(eq(schema.customerAccounts.id, customer!.customerAccountId!));
  expect(account).toMatchObject({ name: 'Acme Corp', domain: 'acme-corp.test' });

  const product = sim.createProduct({ name: 'Pro', metadata: { short_code: 'pro' } }).product;
  const price = sim.createPrice({ product: product.id, unit_amount: 100 }).price;
  const bought = sim.checkout({
    customer: created.customer.id,
    mode: 'payment',
    lineItems: [{ price: price.id }],
  });
  await stack.deliver(bought.events);
  await stack.settled(bought.events);
  const [license] = await stack.licenses({ paymentIntentId: bought.paymentIntent!.id });
  expect(license!.customerAccountId).toBe(account!.id);
});

it('a person buying from a webmail address gets no company domain', async () => {
  const created = stack.fake.sim.createCustomer({
    email: 'founder@gmail.com',
    name: 'Tiny Studio',
    metadata: { customer_type: 'company' },
  });
  await stack.deliver(created.events);
  await stack.settled(created.events);
  const [row] = await stack.api.db
    .select({ account: schema.customerAccounts })
    .from(schema.customers)
    .innerJoin(schema.customerAccounts, eq(schema.customerAccounts.id, schema.customers.customerAccountId))
    .where(eq(schema.customers.stripeCustomerId, created.customer.id));
  expect(row!.account).toMatchObject({ name: 'Tiny Studio', domain: null });
});
