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
const DAY = 86_400_000;

async function play<T extends { events: Stripe.Event[] }>(step: T): Promise<T> {
  await stack.deliver(step.events);
  await stack.settled(step.events);
  return step;
}

function price(metadata: Record<string, string>, recurring = true) {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: `P ${metadata.short_code}` }).product;
  return sim.createPrice({
    product: product.id,
    unit_amount: 1000,
    metadata,
    ...(recurring && { recurring: { interval: 'month' as const } }),
  }).price;
}

function customer(email: string) {
  return stack.fake.sim.createCustomer({ email }).customer.id;
}

/** Makes the fake hold the subscription's first invoice unpaid, as with `send_invoice` billing. */
function leaveFirstInvoiceOpen(sub: Stripe.Subscription) {
  const invoice = stack.fake.state.store.get<Stripe.Invoice>('invoice', sub.latest_invoice as string);
  invoice.status = 'open';
  return invoice;
}

describe('licenses follow payment', () => {
  it('an active subscription whose first invoice is open gets no licenses until it is paid', async () => {
    const { sim } = stack.fake;
    const p = price({ short_code: 'pro', license_policy: 'sub' });
    const step = sim.createSubscription({ customer: customer('open@example.com'), items: [{ price: p.id }] });
    const invoice = leaveFirstInvoiceOpen(step.subscription);
    await play({ events: step.events.filter((e) => e.type === 'customer.subscription.created') });
    expect(await stack.licenses({ subscriptionId: step.subscription.id })).toHaveLength(0);

    invoice.status = 'paid';
    await play({ events: step.events.filter((e) => e.type === 'invoice.paid') });
    const [license] = await stack.licenses({ subscriptionId: step.subscription.id });
    expect(license).toMatchObject({
      enabled: true,
      validUntil: at(step.subscription.items.data[0]!.current_period_end),
    });
  });

  it('unpaid_active_license_period lets an unpaid active subscription work for that long', async () => {
    const { sim } = stack.fake;
    const p = price({ short_code: 'pro', license_policy: 'sub', unpaid_active_license_period: '7d' });
    const step = sim.createSubscription({
      customer: customer('grace@example.com'),
      items: [{ price: p.id }],
    });
    leaveFirstInvoiceOpen(step.subscription);
    await play({ events: step.events.filter((e) => e.type === 'customer.subscription.created') });
    const [license] = await stack.licenses({ subscriptionId: step.subscription.id });
    const start = step.subscription.items.data[0]!.current_period_start * 1000;
    expect(license).toMatchObject({ enabled: true, validUntil: new Date(start + 7 * DAY) });
  });
});

describe('quantity, types and bundles', () => {
  it('a single license grows and shrinks with the quantity (activations and floating users)', async () => {
    const { sim } = stack.fake;
    const p = price({
      short_code: 'pro',
      license_policy: 'sub',
      is_single_license: 'true',
      floating_cloud: '1',
      floating_users_from_quantity: 'true',
    });
    const { subscription } = await play(
      sim.createSubscription({
        customer: customer('single@example.com'),
        items: [{ price: p.id, quantity: 2 }],
      }),
    );
    expect(await stack.licenses({ subscriptionId: subscription.id })).toMatchObject([
      { maxActivations: 2, floatingCloud: 2 },
    ]);
    await play(sim.updateSubscriptionQuantity(subscription.id, 4));
    const after = await stack.licenses({ subscriptionId: subscription.id });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ maxActivations: 4, floatingCloud: 4, enabled: true });
  });

  it('a recurring price takes consumption from its policy when the metadata names no type', async () => {
    const p = price({ short_code: 'render' });
    const { subscription } = await play(
      stack.fake.sim.createSubscription({
        customer: customer('meter2@example.com'),
        items: [{ price: p.id }],
      }),
    );
    expect((await stack.licenses({ subscriptionId: subscription.id }))[0]!.licenseType).toBe('consumption');
  });

  it('every license of a subscription bundle follows the subscription', async () => {
    const p = price({ short_code: 'suite', is_product_bundle: 'true' });
    const { subscription } = await play(
      stack.fake.sim.createSubscription({
        customer: customer('suite2@example.com'),
        items: [{ price: p.id }],
      }),
    );
    const licenses = await stack.licenses({ subscriptionId: subscription.id });
    const end = at(subscription.items.data[0]!.current_period_end);
    expect(licenses.map((l) => [l.licenseType, l.validUntil?.getTime()])).toEqual([
      ['subscription', end.getTime()],
      ['subscription', end.getTime()],
      ['subscription', end.getTime()],
    ]);
  });

  it('a one-time price bought with a subscription is licensed on its own', async () => {
    const monthly = price({ short_code: 'pro', license_policy: 'sub' });
    const once = price({ short_code: 'render', license_type: 'perpetual' }, false);
    const step = await play(
      stack.fake.sim.checkout({
        customer_email: 'addon@example.com',
        mode: 'subscription',
        lineItems: [{ price: monthly.id }, { price: once.id }],
      }),
    );
    expect(await stack.licenses({ subscriptionId: step.subscription!.id })).toHaveLength(1);
    const addOn = (await stack.licenses()).filter((l) => l.stripeInvoiceId === step.invoice!.id);
    expect(addOn).toMatchObject([{ licenseType: 'perpetual', stripeSubscriptionId: null, enabled: true }]);
  });
});

describe('refunds whatever the order', () => {
  it('a payment refunded before its licenses exist yields disabled licenses', async () => {
    const { sim } = stack.fake;
    const product = sim.createProduct({ name: 'Pro' }).product;
    const p = sim.createPrice({
      product: product.id,
      unit_amount: 100,
      metadata: { short_code: 'pro', max_activations: 'x' },
    }).price;
    const { events, paymentIntent } = sim.checkout({
      customer_email: 'late@example.com',
      mode: 'payment',
      lineItems: [{ price: p.id }],
    });
    const completed = events.filter((e) => e.type === 'checkout.session.completed');
    await play({ events: completed });
    await play(sim.refundCharge({ paymentIntent: paymentIntent!.id }));
    sim.updatePrice(p.id, { metadata: { max_activations: '2' } });
    await play({ events: completed });
    expect(await stack.licenses({ paymentIntentId: paymentIntent!.id })).toMatchObject([
      { enabled: false, disabledReason: 'refunded' },
    ]);
  });

  it('a renewal paid after a refund brings the licenses back', async () => {
    const { sim } = stack.fake;
    const p = price({ short_code: 'pro', license_policy: 'sub' });
    const checkout = await play(
      sim.checkout({
        customer_email: 'again@example.com',
        mode: 'subscription',
        lineItems: [{ price: p.id }],
      }),
    );
    await play(sim.refundCharge(sim.chargeOf(checkout.invoice!.id)!.id));
    expect((await stack.licenses({ subscriptionId: checkout.subscription!.id }))[0]).toMatchObject({
      enabled: false,
      disabledReason: 'refunded',
    });
    await play(sim.renewSubscription(checkout.subscription!.id));
    expect((await stack.licenses({ subscriptionId: checkout.subscription!.id }))[0]).toMatchObject({
      enabled: true,
      disabledReason: null,
    });
  });
});

describe('concurrency', () => {
  it('the events of one subscription delivered all at once converge on Stripe’s state without duplicates', async () => {
    const { sim } = stack.fake;
    const p = price({ short_code: 'pro', license_policy: 'sub' });
    const first = sim.checkout({
      customer_email: 'burst@example.com',
      mode: 'subscription',
      lineItems: [{ price: p.id, quantity: 2 }],
    });
    const subId = first.subscription!.id;
    const events = [
      ...first.events,
      ...sim.updateSubscriptionQuantity(subId, 5).events,
      ...sim.renewSubscription(subId).events,
      ...sim.updateSubscriptionQuantity(subId, 3).events,
    ];
    // Five worker slots take these at once; the per-subscription lock serialises their writes.
    await Promise.all(events.map((e) => stack.deliver([e])));
    await stack.settled(events);
    const licenses = await stack.licenses({ subscriptionId: subId });
    // Every handler read Stripe's current state (3 seats), whichever event it was given.
    expect(licenses.map((l) => `${l.unitIndex}:${l.enabled ? 'on' : l.disabledReason}`)).toEqual([
      '0:on',
      '1:on',
      '2:on',
    ]);
    const sub = await stack.fake.stripeClient().subscriptions.retrieve(subId);
    expect(
      licenses.every((l) => l.validUntil?.getTime() === sub.items.data[0]!.current_period_end * 1000),
    ).toBe(true);
    const orders = await stack.api.db.select().from(schema.orders).where(eq(schema.orders.sourceId, subId));
    expect(orders).toHaveLength(1);
  });
});
