import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeStripe, type FakeStripe } from './index.js';

const types = (events: Stripe.Event[]) => events.map((event) => event.type);

describe('the period rollover and plan changes, as Stripe plays them', () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  let customer: Stripe.Customer;
  let monthly: Stripe.Price;
  let pricier: Stripe.Price;

  beforeAll(async () => {
    fake = await createFakeStripe();
    stripe = fake.stripeClient();
    customer = fake.sim.createCustomer({ email: 'roll@example.com' }).customer;
    const { product } = fake.sim.createProduct({ name: 'Pro' });
    monthly = fake.sim.createPrice({
      product: product.id,
      unit_amount: 1000,
      recurring: { interval: 'month' },
    }).price;
    pricier = fake.sim.createPrice({
      product: product.id,
      unit_amount: 3000,
      recurring: { interval: 'month' },
    }).price;
  });
  afterAll(() => fake.close());

  it('keeps the subscription active at rollover while the new invoice is collected; a decline makes it past_due after', () => {
    const { subscription } = fake.sim.createSubscription({
      customer: customer.id,
      items: [{ price: monthly.id }],
    });
    const { events } = fake.sim.renewSubscription(subscription.id, { paymentFails: true });
    const updates = events.filter((e) => e.type === 'customer.subscription.updated');
    expect((updates[0]!.data.object as Stripe.Subscription).status).toBe('active');
    expect(Object.keys(updates[0]!.data.previous_attributes ?? {})).not.toContain('status');
    expect((updates[1]!.data.object as Stripe.Subscription).status).toBe('past_due');
    expect(types(events).indexOf('invoice.payment_failed')).toBeLessThan(events.indexOf(updates[1]!));
  });

  it('send_invoice: the renewal invoice stays open with a due date and the subscription active', async () => {
    const started = fake.sim.createSubscription({
      customer: customer.id,
      items: [{ price: monthly.id }],
      collectionMethod: 'send_invoice',
      daysUntilDue: 14,
    });
    expect(started.invoice).toMatchObject({ status: 'open', collection_method: 'send_invoice' });
    fake.sim.payInvoice(started.invoice!.id!);
    const renewed = fake.sim.renewSubscription(started.subscription.id);
    expect(types(renewed.events)).toEqual([
      'customer.subscription.updated',
      'invoice.created',
      'invoice.finalized',
    ]);
    expect(renewed.invoice).toMatchObject({ status: 'open', due_date: expect.any(Number) });
    expect((await stripe.subscriptions.retrieve(started.subscription.id)).status).toBe('active');
    // Past its due date Stripe marks it past_due; paying it then makes it active again.
    const overdue = fake.sim.setSubscriptionStatus(started.subscription.id, 'past_due');
    expect(types(overdue.events)).toEqual(['customer.subscription.updated']);
    const paid = fake.sim.payInvoice(renewed.invoice!.id!);
    expect(paid.invoice.status).toBe('paid');
    expect(types(paid.events)).toContain('invoice.paid');
    expect((await stripe.subscriptions.retrieve(started.subscription.id)).status).toBe('active');
  });

  it('a new price on the same item keeps the item id; always_invoice bills a paid proration invoice', async () => {
    const { subscription } = fake.sim.createSubscription({
      customer: customer.id,
      items: [{ price: monthly.id }],
    });
    const itemId = subscription.items.data[0]!.id;
    const periodEnd = subscription.items.data[0]!.current_period_end;
    fake.sim.advanceTime(86_400);
    const changed = fake.sim.changeSubscriptionPrice(subscription.id, pricier.id, {
      prorationBehavior: 'always_invoice',
    });
    expect(types(changed.events).slice(0, 3)).toEqual([
      'customer.subscription.updated',
      'invoice.created',
      'invoice.finalized',
    ]);
    expect(changed.subscription.items.data[0]).toMatchObject({
      id: itemId,
      price: { id: pricier.id },
      current_period_end: periodEnd,
    });
    const invoice = await stripe.invoices.retrieve(String(changed.subscription.latest_invoice));
    expect(invoice).toMatchObject({ status: 'paid', billing_reason: 'subscription_update' });
    const line = invoice.lines.data[0]!;
    expect(line.parent?.subscription_item_details).toMatchObject({
      proration: true,
      subscription_item: itemId,
    });
    expect(line.period.end).toBe(periodEnd);
    expect(line.amount).toBeGreaterThan(0);
    expect(line.amount).toBeLessThan(2000);
  });

  it('POST /v1/subscriptions/:id with proration_behavior=always_invoice bills the change', async () => {
    const { subscription } = fake.sim.createSubscription({
      customer: customer.id,
      items: [{ price: monthly.id }],
    });
    const item = subscription.items.data[0]!;
    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, price: pricier.id }],
      proration_behavior: 'always_invoice',
    });
    expect(updated.items.data[0]).toMatchObject({ id: item.id, price: { id: pricier.id } });
    const invoice = await stripe.invoices.retrieve(String(updated.latest_invoice));
    expect(invoice).toMatchObject({ billing_reason: 'subscription_update', status: 'paid' });
    const quiet = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, price: monthly.id }],
      proration_behavior: 'none',
    });
    expect(quiet.latest_invoice).toBe(updated.latest_invoice);
  });
});
