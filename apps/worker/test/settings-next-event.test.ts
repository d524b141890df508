import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

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

async function buy(email: string) {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'One-off', metadata: { short_code: 'pro' } }).product;
  const price = sim.createPrice({ product: product.id, unit_amount: 4900 }).price;
  const { paymentIntent } = await play(
    sim.checkout({ customer_email: email, mode: 'payment', lineItems: [{ price: price.id }] }),
  );
  return paymentIntent!.id;
}

const enabledOf = async (paymentIntentId: string) =>
  (await stack.licenses({ paymentIntentId })).map((l) => [l.enabled, l.disabledReason]);

const setSettings = async (body: Record<string, unknown>) => {
  const res = await stack.call('PATCH', '/settings', body);
  expect(res.status).toBe(200);
  return res.body;
};

// End to end: the admin API writes the setting, and the next webhook's outcome follows it.
describe('a settings change changes the next event’s outcome', () => {
  it('disable_on_dispute: the dispute after the change disables the licenses, the one before did not', async () => {
    await setSettings({ disable_on_dispute: false });
    const before = await buy('before-dispute@example.com');
    await play(stack.fake.sim.disputeCharge({ paymentIntent: before }));
    expect(await enabledOf(before)).toEqual([[true, null]]);

    const { changed } = await setSettings({ disable_on_dispute: true });
    expect(changed).toEqual(['disable_on_dispute']);
    const after = await buy('after-dispute@example.com');
    await play(stack.fake.sim.disputeCharge({ paymentIntent: after }));
    expect(await enabledOf(after)).toEqual([[false, 'disputed']]);
  });

  it('partial_refund_action: none only records a partial refund; disable revokes', async () => {
    await setSettings({ partial_refund_action: 'none' });
    const kept = await buy('partial-kept@example.com');
    await play(stack.fake.sim.refundCharge({ paymentIntent: kept }, { amount: 1000 }));
    expect(await enabledOf(kept)).toEqual([[true, null]]);

    await setSettings({ partial_refund_action: 'disable' });
    const revoked = await buy('partial-revoked@example.com');
    await play(stack.fake.sim.refundCharge({ paymentIntent: revoked }, { amount: 1000 }));
    expect(await enabledOf(revoked)).toEqual([[false, 'refunded']]);
  });
});
