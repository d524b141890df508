import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeStripe, type FakeStripe } from './index.js';
import { addInterval } from './ops/add-interval.js';

const types = (events: Stripe.Event[]) => events.map((event) => event.type);

describe('subscription changes', () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  let customer: Stripe.Customer;
  let monthly: Stripe.Price;
  let yearly: Stripe.Price;

  beforeAll(async () => {
    fake = await createFakeStripe();
    stripe = fake.stripeClient();
    customer = fake.sim.createCustomer({ email: 'ops@example.com', name: 'Ops' }).customer;
    const { product } = fake.sim.createProduct({ name: 'Pro' });
    monthly = fake.sim.createPrice({
      product: product.id,
      unit_amount: 1000,
      recurring: { interval: 'month' },
    }).price;
    yearly = fake.sim.createPrice({
      product: product.id,
      unit_amount: 10_000,
      recurring: { interval: 'year' },
    }).price;
  });
  afterAll(() => fake.close());

  it('a trial starts trialing with a $0 invoice, and the first renewal activates it', () => {
    const started = fake.sim.createSubscription({
      customer: customer.id,
      items: [{ price: yearly.id }],
      trialDays: 14,
    });
    const { subscription } = started;
    expect(subscription.status).toBe('trialing');
    expect(subscription.trial_end).toBe(subscription.items.data[0]?.current_period_end);
    expect(started.invoice).toMatchObject({ amount_due: 0, status: 'paid' });
    expect(started.charge).toBeNull();

    const renewed = fake.sim.renewSubscription(subscription.id);
    expect(renewed.subscription.status).toBe('active');
    expect(renewed.subscription.items.data[0]?.current_period_end).toBe(
      addInterval(subscription.trial_end ?? 0, 'year'),
    );
    expect(renewed.invoice?.amount_paid).toBe(10_000);
  });

  it('updates through the API: quantity, cancel_at_period_end, pause_collection, metadata', async () => {
    const { subscription } = fake.sim.createSubscription({
      customer: customer.id,
      items: [{ price: monthly.id }],
    });
    const itemId = subscription.items.data[0]?.id ?? '';
    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: itemId, quantity: 3 }],
      cancel_at_period_end: true,
      pause_collection: { behavior: 'void' },
      metadata: { seats: '3' },
      proration_behavior: 'none',
    });
    expect(updated).toMatchObject({
      cancel_at_period_end: true,
      cancel_at: subscription.items.data[0]?.current_period_end,
      pause_collection: { behavior: 'void', resumes_at: null },
      metadata: { seats: '3' },
    });
    expect(updated.items.data[0]?.quantity).toBe(3);
    const [event] = (await stripe.events.list({ type: 'customer.subscription.updated', limit: 1 })).data;
    expect(Object.keys(event?.data.previous_attributes ?? {}).sort()).toEqual([
      'cancel_at',
      'cancel_at_period_end',
      'canceled_at',
      'items',
      'metadata',
      'pause_collection',
    ]);
    expect(event?.request?.id).toMatch(/^req_/);

    const resumed = await stripe.subscriptions.update(subscription.id, { pause_collection: '' });
    expect(resumed.pause_collection).toBeNull();

    // With cancel_at_period_end set, the period boundary ends the subscription instead of billing.
    const ended = fake.sim.renewSubscription(subscription.id);
    expect(types(ended.events)).toEqual(['customer.subscription.deleted']);
    expect(ended.invoice).toBeNull();
  });

  it('adds and deletes items and cancels through DELETE', async () => {
    const { subscription } = fake.sim.createSubscription({
      customer: customer.id,
      items: [{ price: monthly.id }],
    });
    const added = await stripe.subscriptions.update(subscription.id, {
      items: [{ price: yearly.id, quantity: 2 }],
    });
    expect(added.items.data.map((item) => item.price.id)).toEqual([monthly.id, yearly.id]);
    const removed = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: added.items.data[0]?.id, deleted: true }],
    });
    expect(removed.items.data.map((item) => item.price.id)).toEqual([yearly.id]);
    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled.status).toBe('canceled');
    await expect(
      stripe.subscriptions.update(subscription.id, { items: [{ price: monthly.id }] }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('pause, resume and cancel_at_period_end from the simulator', () => {
    const { subscription } = fake.sim.createSubscription({
      customer: customer.id,
      items: [{ price: monthly.id }],
    });
    const paused = fake.sim.pauseSubscription(subscription.id);
    expect(paused.subscription.pause_collection).toEqual({ behavior: 'void', resumes_at: null });
    expect(paused.events[0]?.data.previous_attributes).toEqual({ pause_collection: null });
    expect(fake.sim.resumeSubscription(subscription.id).subscription.pause_collection).toBeNull();
    const ending = fake.sim.cancelAtPeriodEnd(subscription.id, true);
    expect(ending.subscription.cancel_at_period_end).toBe(true);
    const statusPaused = fake.sim.setSubscriptionStatus(subscription.id, 'paused');
    expect(types(statusPaused.events)).toEqual([
      'customer.subscription.updated',
      'customer.subscription.paused',
    ]);
    const active = fake.sim.setSubscriptionStatus(subscription.id, 'active');
    expect(types(active.events)).toEqual(['customer.subscription.updated', 'customer.subscription.resumed']);
  });

  it('recovering from past_due pays the open invoice', () => {
    const { subscription } = fake.sim.createSubscription({
      customer: customer.id,
      items: [{ price: monthly.id }],
    });
    fake.sim.setSubscriptionStatus(subscription.id, 'past_due');
    const recovered = fake.sim.setSubscriptionStatus(subscription.id, 'active');
    expect(types(recovered.events)).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
      'customer.subscription.updated',
    ]);
    const latest = String(recovered.subscription.latest_invoice);
    expect(fake.sim.chargeOf(latest)?.amount).toBe(1000);
  });

  it('filters subscriptions by customer and price', async () => {
    const byCustomer = await stripe.subscriptions.list({ customer: customer.id, status: 'all', limit: 100 });
    expect(byCustomer.data.length).toBeGreaterThan(0);
    const byYearly = await stripe.subscriptions.list({ price: yearly.id, status: 'all' });
    expect(byYearly.data.every((sub) => sub.items.data.some((item) => item.price.id === yearly.id))).toBe(
      true,
    );
  });
});
