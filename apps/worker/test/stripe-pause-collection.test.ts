import * as schema from '@licensync/core/schema';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

/**
 * `pause_collection`: Stripe keeps such a subscription `active` and the customer keeps access; the
 * reference licenses a subscription while it is active, trialing or past_due.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

async function play<T extends { events: Stripe.Event[] }>(step: T): Promise<T> {
  await stack.deliver(step.events);
  await stack.settled(step.events);
  return step;
}

async function subscribe(email: string) {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Pro monthly' }).product;
  const price = sim.createPrice({
    product: product.id,
    unit_amount: 1500,
    recurring: { interval: 'month' },
    metadata: { short_code: 'pro', license_policy: 'sub' },
  }).price;
  const customer = sim.createCustomer({ email }).customer;
  return (await play(sim.createSubscription({ customer: customer.id, items: [{ price: price.id }] })))
    .subscription;
}

const state = async (subscriptionId: string) =>
  (await stack.licenses({ subscriptionId })).map((l) => (l.enabled ? 'on' : `off(${l.disabledReason})`));

const setSettings = (settings: schema.WorkspaceSettings) =>
  stack.api.db.update(schema.workspaces).set({ settings });

describe('pause_collection', () => {
  it('by default the licenses keep working while collection is paused (Stripe keeps the subscription active)', async () => {
    const subscription = await subscribe('keep@example.com');
    const paused = await play(stack.fake.sim.pauseSubscription(subscription.id));
    expect(paused.subscription.status).toBe('active');
    expect(await state(subscription.id)).toEqual(['on']);
    await play(stack.fake.sim.resumeSubscription(subscription.id));
    expect(await state(subscription.id)).toEqual(['on']);
  });

  it('pauseCollectionAction "disable" disables them (subscription_paused), lifted when collection resumes', async () => {
    await setSettings({ pauseCollectionAction: 'disable' });
    try {
      const subscription = await subscribe('strict-pause@example.com');
      await play(stack.fake.sim.pauseSubscription(subscription.id));
      expect(await state(subscription.id)).toEqual(['off(subscription_paused)']);
      await play(stack.fake.sim.resumeSubscription(subscription.id));
      expect(await state(subscription.id)).toEqual(['on']);
    } finally {
      await setSettings({});
    }
  });

  it('the setting changes the outcome of the next event', async () => {
    const subscription = await subscribe('switch@example.com');
    await play(stack.fake.sim.pauseSubscription(subscription.id, { behavior: 'keep_as_draft' }));
    expect(await state(subscription.id)).toEqual(['on']);
    await setSettings({ pauseCollectionAction: 'disable' });
    try {
      await play(stack.fake.sim.cancelAtPeriodEnd(subscription.id, true));
      expect(await state(subscription.id)).toEqual(['off(subscription_paused)']);
    } finally {
      await setSettings({});
    }
  });
});
