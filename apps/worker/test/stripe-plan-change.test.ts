import * as schema from '@licensync/core/schema';
import { inArray } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

/** A new price on the same subscription item changes what is licensed, end to end. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const at = (seconds: number) => new Date(seconds * 1000);

async function play<T extends { events: Stripe.Event[] }>(step: T): Promise<T> {
  await stack.deliver(step.events);
  await stack.settled(step.events);
  return step;
}

function monthly(metadata: Record<string, string>, unitAmount = 1000) {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: `Plan ${metadata.short_code}` }).product;
  return sim.createPrice({
    product: product.id,
    unit_amount: unitAmount,
    recurring: { interval: 'month' },
    metadata,
  }).price;
}

async function subscribe(email: string, price: Stripe.Price, quantity = 1) {
  const { sim } = stack.fake;
  const customer = sim.createCustomer({ email }).customer.id;
  return (await play(sim.createSubscription({ customer, items: [{ price: price.id, quantity }] })))
    .subscription;
}

async function featuresOf(ids: string[]) {
  const rows = await stack.api.db
    .select()
    .from(schema.licenseFeatures)
    .where(inArray(schema.licenseFeatures.licenseId, ids));
  return [...new Set(rows.map((r) => r.code))].sort();
}

const view = (l: typeof schema.licenses.$inferSelect) => ({
  id: l.id,
  key: l.licenseKey,
  on: l.enabled ? 'on' : `off(${l.disabledReason})`,
});

describe('plan changes on the same subscription item', () => {
  it('same product, other policy (upgrade): licenses updated in place, keeping their keys; the proration invoice does not extend', async () => {
    const { sim } = stack.fake;
    const basic = monthly({ short_code: 'pro', license_policy: 'annual' });
    const plus = monthly({ short_code: 'pro', license_policy: 'sub' }, 3000);
    const subscription = await subscribe('upgrade@example.com', basic, 2);
    const before = await stack.licenses({ subscriptionId: subscription.id });
    expect(before.map((l) => [l.maxActivations, l.floatingCloud])).toEqual([
      [3, null],
      [3, null],
    ]);
    const periodEnd = subscription.items.data[0]!.current_period_end;

    sim.advanceTime(5 * 86_400);
    const change = await play(
      sim.changeSubscriptionPrice(subscription.id, plus.id, { prorationBehavior: 'always_invoice' }),
    );
    expect(change.events.map((e) => e.type)).toContain('invoice.paid');
    const after = await stack.licenses({ subscriptionId: subscription.id });
    expect(after.map(view)).toEqual(before.map((l) => ({ ...view(l), on: 'on' })));
    expect(after.map((l) => [l.maxActivations, l.floatingCloud, l.stripePriceId])).toEqual([
      [5, 2, plus.id],
      [5, 2, plus.id],
    ]);
    expect(after.every((l) => l.validUntil?.getTime() === at(periodEnd).getTime())).toBe(true);
    const fields = await stack.api.db
      .select()
      .from(schema.licenseCustomFields)
      .where(
        inArray(
          schema.licenseCustomFields.licenseId,
          after.map((l) => l.id),
        ),
      );
    expect(fields.map((f) => f.value)).toEqual(['priority', 'priority']);
  });

  it('same product, other attributes (downgrade): licenses updated in place, keeping their keys', async () => {
    const { sim } = stack.fake;
    const plus = monthly({ short_code: 'pro', license_policy: 'sub' }, 3000);
    const lite = monthly(
      { short_code: 'pro', license_policy: 'sub', max_activations: '2', floating_cloud: '1' },
      500,
    );
    const subscription = await subscribe('downgrade@example.com', plus);
    const [before] = await stack.licenses({ subscriptionId: subscription.id });
    await play(sim.changeSubscriptionPrice(subscription.id, lite.id, { prorationBehavior: 'none' }));
    const [after] = await stack.licenses({ subscriptionId: subscription.id });
    expect(after).toMatchObject({
      id: before!.id,
      licenseKey: before!.licenseKey,
      sourceKey: before!.sourceKey,
      enabled: true,
      maxActivations: 2,
      floatingCloud: 1,
      stripePriceId: lite.id,
      validUntil: before!.validUntil,
    });
  });

  it('another product: the old licenses are disabled plan_changed and new ones created for the new product; the reason sticks', async () => {
    const { sim } = stack.fake;
    const pro = monthly({ short_code: 'pro', license_policy: 'sub' });
    const team = monthly({ short_code: 'team', license_policy: 'sub' }, 2000);
    const subscription = await subscribe('switch@example.com', pro, 2);
    const old = await stack.licenses({ subscriptionId: subscription.id });

    await play(
      sim.changeSubscriptionPrice(subscription.id, team.id, { prorationBehavior: 'always_invoice' }),
    );
    let licenses = await stack.licenses({ subscriptionId: subscription.id });
    const oldIds = new Set(old.map((l) => l.id));
    const replaced = licenses.filter((l) => oldIds.has(l.id));
    const fresh = licenses.filter((l) => !oldIds.has(l.id));
    expect(replaced.map((l) => view(l).on)).toEqual(['off(plan_changed)', 'off(plan_changed)']);
    expect(fresh).toHaveLength(2);
    expect(fresh.every((l) => l.enabled && l.maxLicenseUsers === 5 && l.licenseKey === null)).toBe(true);
    expect(await featuresOf(fresh.map((l) => l.id))).toEqual(['shared-projects']);

    // A renewal extends the new product's licenses; the replaced ones stay disabled.
    const renewed = await play(sim.renewSubscription(subscription.id));
    const secondEnd = renewed.subscription.items.data[0]!.current_period_end;
    licenses = await stack.licenses({ subscriptionId: subscription.id });
    expect(licenses.filter((l) => oldIds.has(l.id)).every((l) => l.disabledReason === 'plan_changed')).toBe(
      true,
    );
    expect(
      licenses
        .filter((l) => !oldIds.has(l.id))
        .every((l) => l.validUntil?.getTime() === at(secondEnd).getTime()),
    ).toBe(true);

    // Back to the first product: its licenses work again, the second product's are replaced.
    await play(sim.changeSubscriptionPrice(subscription.id, pro.id));
    licenses = await stack.licenses({ subscriptionId: subscription.id });
    expect(licenses.filter((l) => oldIds.has(l.id)).map((l) => view(l).on)).toEqual(['on', 'on']);
    expect(licenses.filter((l) => !oldIds.has(l.id)).map((l) => view(l).on)).toEqual([
      'off(plan_changed)',
      'off(plan_changed)',
    ]);
  });

  it('a proration invoice never extends validity twice, delivered twice and out of order', async () => {
    const { sim } = stack.fake;
    const basic = monthly({ short_code: 'pro', license_policy: 'annual', added_days: '2' });
    const plus = monthly({ short_code: 'pro', license_policy: 'sub', added_days: '2' }, 3000);
    const subscription = await subscribe('proration@example.com', basic);
    const periodEnd = subscription.items.data[0]!.current_period_end;
    const expected = new Date(at(periodEnd).getTime() + 2 * 86_400_000);
    sim.advanceTime(10 * 86_400);
    const change = sim.changeSubscriptionPrice(subscription.id, plus.id, {
      prorationBehavior: 'always_invoice',
    });
    const invoice = await stack.fake
      .stripeClient()
      .invoices.retrieve(String(change.subscription.latest_invoice));
    expect(invoice).toMatchObject({ billing_reason: 'subscription_update', status: 'paid' });
    await stack.deliver([...change.events].reverse());
    await stack.deliver(change.events);
    await stack.settled(change.events);
    const [license] = await stack.licenses({ subscriptionId: subscription.id });
    expect(license!.validUntil).toEqual(expected);

    const renewed = await play(sim.renewSubscription(subscription.id));
    const [renewedLicense] = await stack.licenses({ subscriptionId: subscription.id });
    const nextEnd = renewed.subscription.items.data[0]!.current_period_end;
    expect(renewedLicense!.validUntil).toEqual(new Date(at(nextEnd).getTime() + 2 * 86_400_000));
  });
});
