import * as schema from '@licensync/core/schema';
import type Stripe from 'stripe';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

async function play<T extends { events: Stripe.Event[] }>(step: T) {
  await stack.deliver(step.events);
  return stack.settled(step.events);
}

function monthly(metadata: Record<string, string>) {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: `P ${metadata.short_code}` }).product;
  return sim.createPrice({
    product: product.id,
    unit_amount: 1000,
    recurring: { interval: 'month' },
    metadata,
  }).price;
}

const state = async (subId: string) =>
  (await stack.licenses({ subscriptionId: subId })).map((l) => (l.enabled ? 'on' : l.disabledReason));

it('a broken price on one item neither blocks the other item nor the renewal of its licenses', async () => {
  const { sim } = stack.fake;
  const good = monthly({ short_code: 'pro', license_policy: 'sub' });
  const broken = monthly({ short_code: 'no-such-product' });
  const customer = sim.createCustomer({ email: 'mixed-items@example.com' }).customer;
  const created = sim.createSubscription({
    customer: customer.id,
    items: [{ price: good.id }, { price: broken.id }],
  });
  const rows = await play(created);
  const paid = rows.find((r) => r.type === 'invoice.paid')!;
  expect(paid.status).toBe('failed');
  expect(paid.lastError).toContain(`price ${broken.id}: short_code "no-such-product" names no product`);
  const [license] = await stack.licenses({ subscriptionId: created.subscription.id });
  expect(license).toMatchObject({
    enabled: true,
    validUntil: new Date(created.subscription.items.data[0]!.current_period_end * 1000),
  });

  const renewed = sim.renewSubscription(created.subscription.id);
  await play(renewed);
  const [after] = await stack.licenses({ subscriptionId: created.subscription.id });
  expect(after!.validUntil).toEqual(new Date(renewed.subscription.items.data[0]!.current_period_end * 1000));
});

it('refunding an old period once a newer one is paid leaves the licenses working', async () => {
  const { sim } = stack.fake;
  const price = monthly({ short_code: 'pro', license_policy: 'sub' });
  const checkout = sim.checkout({
    customer_email: 'old-refund@example.com',
    mode: 'subscription',
    lineItems: [{ price: price.id }],
  });
  await play(checkout);
  const subId = checkout.subscription!.id;
  await play(sim.renewSubscription(subId));
  await play(sim.refundCharge(sim.chargeOf(checkout.invoice!.id)!.id));
  expect(await state(subId)).toEqual(['on']);
  // Refunding the period being paid for now does revoke them.
  const latest = (await stack.fake.stripeClient().subscriptions.retrieve(subId)).latest_invoice as string;
  await play(sim.refundCharge(sim.chargeOf(latest)!.id));
  expect(await state(subId)).toEqual(['refunded']);
});

it('a refund while the subscription is paused sticks after it resumes', async () => {
  const { sim } = stack.fake;
  await stack.api.db.update(schema.workspaces).set({ settings: { pauseCollectionAction: 'disable' } });
  onTestFinished(() =>
    stack.api.db
      .update(schema.workspaces)
      .set({ settings: {} })
      .then(() => undefined),
  );
  const customer = sim.createCustomer({ email: 'paused-refund@example.com' }).customer;
  const created = sim.createSubscription({
    customer: customer.id,
    items: [{ price: monthly({ short_code: 'pro', license_policy: 'sub' }).id }],
  });
  await play(created);
  await play(sim.pauseSubscription(created.subscription.id));
  expect(await state(created.subscription.id)).toEqual(['subscription_paused']);
  await play(sim.refundCharge(sim.chargeOf(created.invoice!.id)!.id));
  expect(await state(created.subscription.id)).toEqual(['refunded']);
  await play(sim.resumeSubscription(created.subscription.id));
  expect(await state(created.subscription.id)).toEqual(['refunded']);
});
