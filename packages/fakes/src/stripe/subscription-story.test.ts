import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeStripe, type FakeStripe } from './index.js';

const types = (events: Stripe.Event[]) => events.map((event) => event.type);

describe('a subscription story: checkout → renew → quantity change → past_due → cancel', () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  let price: Stripe.Price;
  let subscriptionId: string;
  let firstPeriod: { start: number; end: number };

  beforeAll(async () => {
    fake = await createFakeStripe({ startTime: Date.UTC(2026, 0, 31) / 1000 });
    stripe = fake.stripeClient();
    const { product } = fake.sim.createProduct({
      name: 'Team seats',
      metadata: { license_kind: 'floating_cloud' },
    });
    price = fake.sim.createPrice({
      product: product.id,
      unit_amount: 1200,
      recurring: { interval: 'month' },
    }).price;
  });
  afterAll(() => fake.close());

  it('checkout creates the subscription and a paid first invoice', async () => {
    const result = fake.sim.checkout({
      customer_email: 'team@example.com',
      lineItems: [{ price: price.id, quantity: 5 }],
      mode: 'subscription',
    });
    expect(types(result.events)).toEqual([
      'customer.created',
      'customer.subscription.created',
      'invoice.created',
      'invoice.finalized',
      'charge.succeeded',
      'payment_intent.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
      'checkout.session.completed',
    ]);
    subscriptionId = result.subscription?.id ?? '';
    expect(result.session).toMatchObject({
      mode: 'subscription',
      payment_status: 'paid',
      subscription: subscriptionId,
      invoice: result.invoice?.id,
      amount_total: 6000,
      payment_intent: null,
    });

    const subscription = await stripe.subscriptions.retrieve(subscriptionId, {
      expand: ['items.data.price.product'],
    });
    expect(subscription).not.toHaveProperty('current_period_end');
    const item = subscription.items.data[0];
    expect(item).toMatchObject({ quantity: 5, price: { id: price.id } });
    expect((item?.price.product as Stripe.Product | undefined)?.metadata).toEqual({
      license_kind: 'floating_cloud',
    });
    firstPeriod = { start: item?.current_period_start ?? 0, end: item?.current_period_end ?? 0 };
    expect(firstPeriod.end).toBe(Date.UTC(2026, 1, 28) / 1000);

    const invoice = await stripe.invoices.retrieve(result.invoice?.id ?? '', { expand: ['payments'] });
    expect(invoice).toMatchObject({
      billing_reason: 'subscription_create',
      status: 'paid',
      amount_paid: 6000,
      parent: { type: 'subscription_details', subscription_details: { subscription: subscriptionId } },
    });
    expect(invoice).not.toHaveProperty('subscription');
    const line = invoice.lines.data[0];
    expect(line?.pricing?.price_details).toEqual({ price: price.id, product: price.product });
    expect(line?.parent?.subscription_item_details).toMatchObject({
      subscription: subscriptionId,
      subscription_item: item?.id,
      proration: false,
    });
    expect(line?.period).toEqual(firstPeriod);
    expect(invoice.payments?.data[0]?.payment).toEqual({
      type: 'payment_intent',
      payment_intent: result.paymentIntent?.id,
    });
  });

  it('renewal advances every item by one interval and bills a subscription_cycle invoice', async () => {
    const renewed = fake.sim.renewSubscription(subscriptionId);
    expect(types(renewed.events)).toEqual([
      'customer.subscription.updated',
      'invoice.created',
      'invoice.finalized',
      'charge.succeeded',
      'payment_intent.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]);
    // Anchored on the 31st: Feb 28 is followed by Mar 31, not Mar 28.
    const expectedEnd = Date.UTC(2026, 2, 31) / 1000;
    const item = renewed.subscription.items.data[0];
    expect(item).toMatchObject({ current_period_start: firstPeriod.end, current_period_end: expectedEnd });
    const previous = renewed.events[0]?.data.previous_attributes as Partial<Stripe.Subscription>;
    expect(previous.items?.data[0]?.current_period_end).toBe(firstPeriod.end);
    expect(previous.latest_invoice).toBeDefined();

    const lines = await stripe.invoices.listLineItems(renewed.invoice?.id ?? '', {
      expand: ['data.pricing.price_details.price'],
    });
    expect(lines.data[0]?.period).toEqual({ start: firstPeriod.end, end: expectedEnd });
    expect((lines.data[0]?.pricing?.price_details?.price as Stripe.Price | undefined)?.unit_amount).toBe(
      1200,
    );
    const invoices = await stripe.invoices.list({ subscription: subscriptionId });
    expect(invoices.data.map((invoice) => invoice.billing_reason)).toEqual([
      'subscription_cycle',
      'subscription_create',
    ]);
    const payments = await stripe.invoicePayments.list({ invoice: renewed.invoice?.id ?? '' });
    expect(payments.data[0]).toMatchObject({
      status: 'paid',
      payment: { payment_intent: renewed.paymentIntent?.id },
    });
  });

  it('a quantity change reports the old items in previous_attributes', async () => {
    const { events, subscription } = fake.sim.updateSubscriptionQuantity(subscriptionId, 8);
    expect(types(events)).toEqual(['customer.subscription.updated']);
    expect(subscription.items.data[0]?.quantity).toBe(8);
    const previous = events[0]?.data.previous_attributes as Partial<Stripe.Subscription>;
    expect(Object.keys(previous)).toEqual(['items']);
    expect(previous.items?.data[0]?.quantity).toBe(5);
    const item = await stripe.subscriptionItems.retrieve(subscription.items.data[0]?.id ?? '');
    expect(item.quantity).toBe(8);
  });

  it('past_due plays a declined renewal', async () => {
    const { events, subscription } = fake.sim.setSubscriptionStatus(subscriptionId, 'past_due');
    expect(types(events)).toEqual([
      'customer.subscription.updated',
      'invoice.created',
      'invoice.finalized',
      'payment_intent.payment_failed',
      'invoice.payment_failed',
      'customer.subscription.updated',
    ]);
    expect(subscription.status).toBe('past_due');
    // Stripe keeps it active at the period change; only the declined payment makes it past_due.
    expect((events[0]!.data.object as Stripe.Subscription).status).toBe('active');
    expect(
      (events.at(-1)?.data.previous_attributes as Partial<Stripe.Subscription> | undefined)?.status,
    ).toBe('active');
    const failed = events.at(-2)?.data.object as Stripe.Invoice;
    expect(failed).toMatchObject({ status: 'open', attempted: true, attempt_count: 1, amount_paid: 0 });
    expect((await stripe.subscriptions.list({ status: 'past_due' })).data.map((s) => s.id)).toEqual([
      subscriptionId,
    ]);
    expect((await stripe.invoices.list({ status: 'open', subscription: subscriptionId })).data).toHaveLength(
      1,
    );
  });

  it('cancel ends it with customer.subscription.deleted', async () => {
    const { events, subscription } = fake.sim.cancelSubscription(subscriptionId);
    expect(types(events)).toEqual(['customer.subscription.deleted']);
    expect(subscription).toMatchObject({
      status: 'canceled',
      ended_at: expect.any(Number),
      cancellation_details: { reason: 'cancellation_requested' },
    });
    expect((await stripe.subscriptions.list()).data).toEqual([]);
    expect((await stripe.subscriptions.list({ status: 'all', price: price.id })).data).toHaveLength(1);
    const stored = await stripe.events.list({
      types: ['customer.subscription.created', 'customer.subscription.deleted'],
    });
    expect(types(stored.data)).toEqual(['customer.subscription.deleted', 'customer.subscription.created']);
  });
});
