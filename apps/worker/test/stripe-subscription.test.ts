import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const at = (seconds: number) => new Date(seconds * 1000);

/** Delivers the events of one simulator step and waits until the worker settled them. */
async function play<T extends { events: Stripe.Event[] }>(step: T): Promise<T> {
  await stack.deliver(step.events);
  await stack.settled(step.events);
  return step;
}

function monthlyPrice(metadata: Record<string, string>) {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: `Product ${metadata.short_code}` }).product;
  return sim.createPrice({
    product: product.id,
    unit_amount: 1500,
    recurring: { interval: 'month' },
    metadata,
  }).price;
}

const state = (licenses: (typeof schema.licenses.$inferSelect)[]) =>
  licenses.map((l) => `${l.unitIndex}:${l.enabled ? 'on' : `off(${l.disabledReason})`}`).sort();

describe('a subscription from first payment to cancellation', () => {
  it('creates, extends, adds, disables and re-enables licenses as Stripe changes', async () => {
    const { sim } = stack.fake;
    const price = monthlyPrice({ short_code: 'pro', license_policy: 'sub' });
    const { subscription } = await play(
      sim.checkout({
        customer_email: 'sub@example.com',
        mode: 'subscription',
        lineItems: [{ price: price.id, quantity: 2 }],
      }),
    );
    const subId = subscription!.id;
    let licenses = await stack.licenses({ subscriptionId: subId });
    expect(state(licenses)).toEqual(['0:on', '1:on']);
    const firstEnd = subscription!.items.data[0]!.current_period_end;
    expect(licenses[0]).toMatchObject({ licenseType: 'subscription', maxActivations: 5, floatingCloud: 2 });
    expect(licenses.every((l) => l.validUntil?.getTime() === at(firstEnd).getTime())).toBe(true);
    const features = await stack.api.db
      .select()
      .from(schema.licenseFeatures)
      .where(eq(schema.licenseFeatures.licenseId, licenses[0]!.id));
    expect(features.map((f) => f.code).sort()).toEqual(['batch', 'export-pdf']);
    const fields = await stack.api.db
      .select()
      .from(schema.licenseCustomFields)
      .where(eq(schema.licenseCustomFields.licenseId, licenses[0]!.id));
    expect(fields).toMatchObject([{ name: 'support_tier', value: 'priority' }]);

    // Renewal: validity moves to the new period end.
    const renewed = await play(sim.renewSubscription(subId));
    const secondEnd = renewed.subscription.items.data[0]!.current_period_end;
    expect(secondEnd).toBeGreaterThan(firstEnd);
    licenses = await stack.licenses({ subscriptionId: subId });
    expect(licenses.every((l) => l.validUntil?.getTime() === at(secondEnd).getTime())).toBe(true);

    await play(sim.updateSubscriptionQuantity(subId, 4));
    expect(state(await stack.licenses({ subscriptionId: subId }))).toEqual(['0:on', '1:on', '2:on', '3:on']);

    // A decrease disables the newest units.
    await play(sim.updateSubscriptionQuantity(subId, 1));
    expect(state(await stack.licenses({ subscriptionId: subId }))).toEqual([
      '0:on',
      '1:off(quantity_decrease)',
      '2:off(quantity_decrease)',
      '3:off(quantity_decrease)',
    ]);

    // past_due keeps licenses working; unpaid stops them; recovery re-enables them.
    await play(sim.renewSubscription(subId, { paymentFails: true }));
    expect(state(await stack.licenses({ subscriptionId: subId }))[0]).toBe('0:on');
    await play(sim.setSubscriptionStatus(subId, 'unpaid'));
    expect(state(await stack.licenses({ subscriptionId: subId }))[0]).toBe('0:off(subscription_inactive)');
    await play(sim.setSubscriptionStatus(subId, 'active'));
    expect(state(await stack.licenses({ subscriptionId: subId }))[0]).toBe('0:on');

    await play(sim.cancelSubscription(subId));
    expect(state(await stack.licenses({ subscriptionId: subId }))[0]).toBe('0:off(subscription_canceled)');
  });
});

describe('out of order and twice', () => {
  it('reaches the state Stripe holds now whatever order events arrive in', async () => {
    const { sim } = stack.fake;
    const price = monthlyPrice({ short_code: 'pro', license_policy: 'sub' });
    const steps = [
      sim.checkout({
        customer_email: 'ooo@example.com',
        mode: 'subscription',
        lineItems: [{ price: price.id, quantity: 2 }],
      }),
    ];
    const subId = steps[0]!.subscription!.id;
    steps.push(sim.updateSubscriptionQuantity(subId, 3) as never, sim.renewSubscription(subId) as never);
    const events = steps.flatMap((s) => s.events);
    const reversed = [...events].reverse();
    await stack.deliver([...reversed, ...events]);
    await stack.settled(events);
    const licenses = await stack.licenses({ subscriptionId: subId });
    expect(state(licenses)).toEqual(['0:on', '1:on', '2:on']);
    const sub = await stack.fake.stripeClient().subscriptions.retrieve(subId);
    expect(
      licenses.every((l) => l.validUntil?.getTime() === at(sub.items.data[0]!.current_period_end).getTime()),
    ).toBe(true);
  });
});

describe('what real subscriptions do beyond the happy path', () => {
  it('a trial gives enabled licenses valid until the trial ends', async () => {
    const { sim } = stack.fake;
    const price = monthlyPrice({ short_code: 'pro', license_policy: 'sub' });
    const customer = sim.createCustomer({ email: 'trial@example.com' }).customer;
    const { subscription } = await play(
      sim.createSubscription({ customer: customer.id, items: [{ price: price.id }], trialDays: 14 }),
    );
    expect(subscription.status).toBe('trialing');
    const [license] = await stack.licenses({ subscriptionId: subscription.id });
    expect(license).toMatchObject({ enabled: true, validUntil: at(subscription.trial_end!) });
  });

  it('cancel_at_period_end keeps licenses until the period ends', async () => {
    const { sim } = stack.fake;
    const price = monthlyPrice({ short_code: 'pro', license_policy: 'sub' });
    const customer = sim.createCustomer({ email: 'cape@example.com' }).customer;
    const { subscription } = await play(
      sim.createSubscription({ customer: customer.id, items: [{ price: price.id }] }),
    );
    await play(sim.cancelAtPeriodEnd(subscription.id, true));
    const [kept] = await stack.licenses({ subscriptionId: subscription.id });
    expect(kept).toMatchObject({
      enabled: true,
      validUntil: at(subscription.items.data[0]!.current_period_end),
    });
    await play(sim.renewSubscription(subscription.id));
    expect(state(await stack.licenses({ subscriptionId: subscription.id }))).toEqual([
      '0:off(subscription_canceled)',
    ]);
  });

  it('added_days extends validity beyond the period end', async () => {
    const { sim } = stack.fake;
    const price = monthlyPrice({ short_code: 'pro', license_policy: 'sub', added_days: '3' });
    const customer = sim.createCustomer({ email: 'grace@example.com' }).customer;
    const { subscription } = await play(
      sim.createSubscription({ customer: customer.id, items: [{ price: price.id }] }),
    );
    const [license] = await stack.licenses({ subscriptionId: subscription.id });
    expect(license!.validUntil).toEqual(at(subscription.items.data[0]!.current_period_end + 3 * 86_400));
  });

  it('a renewal starts a new consumption period', async () => {
    const { sim } = stack.fake;
    const price = monthlyPrice({ short_code: 'render', license_type: 'consumption' });
    const customer = sim.createCustomer({ email: 'meter@example.com' }).customer;
    const { subscription } = await play(
      sim.createSubscription({ customer: customer.id, items: [{ price: price.id }] }),
    );
    const [license] = await stack.licenses({ subscriptionId: subscription.id });
    expect(license!.licenseType).toBe('consumption');
    await stack.api.db
      .update(schema.licenses)
      .set({ consumptionTotal: 640 })
      .where(eq(schema.licenses.id, license!.id));
    const renewed = await play(sim.renewSubscription(subscription.id));
    const [after] = await stack.licenses({ subscriptionId: subscription.id });
    expect(after).toMatchObject({
      consumptionTotal: 0,
      consumptionResetAt: at(renewed.subscription.items.data[0]!.current_period_start),
    });
    // The same renewal again does not reset consumption recorded since.
    await stack.api.db
      .update(schema.licenses)
      .set({ consumptionTotal: 10 })
      .where(eq(schema.licenses.id, license!.id));
    await stack.api.db.update(schema.inboxEvents).set({ status: 'failed' });
    await play(renewed);
    expect((await stack.licenses({ subscriptionId: subscription.id }))[0]!.consumptionTotal).toBe(10);
  });

  it('a subscription bundle creates a bundle license and one per member product', async () => {
    const { sim } = stack.fake;
    const price = monthlyPrice({ short_code: 'suite', is_product_bundle: 'true' });
    const customer = sim.createCustomer({ email: 'suite@example.com' }).customer;
    const { subscription } = await play(
      sim.createSubscription({ customer: customer.id, items: [{ price: price.id }] }),
    );
    const licenses = await stack.licenses({ subscriptionId: subscription.id });
    expect(licenses).toHaveLength(3);
    const bundle = licenses.find((l) => l.bundleLicenseId === null)!;
    expect(licenses.filter((l) => l.bundleLicenseId === bundle.id)).toHaveLength(2);
  });
});
