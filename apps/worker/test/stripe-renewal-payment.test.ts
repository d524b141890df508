import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProMonthlyPrice } from './support/pro-monthly-price';
import { type Stack, startStack } from './support/start-stack';

/** Renewals extend validity only once the renewal is paid (`invoice.paid`), end to end. */
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

const licensesOf = (subscriptionId: string) => stack.licenses({ subscriptionId });

describe('renewals extend validity only once the renewal is paid', () => {
  it('the rollover update does not extend before payment: a declined renewal keeps the paid period, paying extends', async () => {
    const { sim } = stack.fake;
    const price = createProMonthlyPrice(sim);
    const customer = sim.createCustomer({ email: 'declined@example.com' }).customer.id;
    const { subscription } = await play(sim.createSubscription({ customer, items: [{ price: price.id }] }));
    const firstEnd = subscription.items.data[0]!.current_period_end;

    const renewal = await play(sim.renewSubscription(subscription.id, { paymentFails: true }));
    const rollover = renewal.events.find((e) => e.type === 'customer.subscription.updated')!;
    expect((rollover.data.object as Stripe.Subscription).status).toBe('active');
    let licenses = await licensesOf(subscription.id);
    expect(licenses.map((l) => [l.enabled, l.validUntil])).toEqual([[true, at(firstEnd)]]);

    const paid = await play(sim.payInvoice(renewal.invoice!.id!));
    expect(paid.events.map((e) => e.type)).toContain('invoice.paid');
    const secondEnd = (await stack.fake.stripeClient().subscriptions.retrieve(subscription.id)).items.data[0]!
      .current_period_end;
    expect(secondEnd).toBeGreaterThan(firstEnd);
    licenses = await licensesOf(subscription.id);
    expect(licenses.map((l) => [l.enabled, l.validUntil])).toEqual([[true, at(secondEnd)]]);
  });

  it('the rollover customer.subscription.updated does not extend while the renewal invoice is open', async () => {
    const { sim } = stack.fake;
    const price = createProMonthlyPrice(sim);
    const customer = sim.createCustomer({ email: 'early-update@example.com' }).customer.id;
    const { subscription } = await play(
      sim.createSubscription({ customer, items: [{ price: price.id }], collectionMethod: 'send_invoice' }),
    );
    // A sent first invoice: nothing is licensed until it is paid.
    expect(await licensesOf(subscription.id)).toEqual([]);
    await play(sim.payInvoice(String(subscription.latest_invoice)));
    const firstEnd = subscription.items.data[0]!.current_period_end;
    expect((await licensesOf(subscription.id)).map((l) => l.validUntil)).toEqual([at(firstEnd)]);

    const renewal = sim.renewSubscription(subscription.id);
    await play({ events: renewal.events.filter((e) => e.type === 'customer.subscription.updated') });
    expect((await licensesOf(subscription.id)).map((l) => l.validUntil)).toEqual([at(firstEnd)]);
    await play(renewal);
    expect((await licensesOf(subscription.id)).map((l) => l.validUntil)).toEqual([at(firstEnd)]);
  });

  it('send_invoice: no extension for the whole due period, licenses keep working; paying extends', async () => {
    const { sim } = stack.fake;
    const price = createProMonthlyPrice(sim);
    const customer = sim.createCustomer({ email: 'sent@example.com' }).customer.id;
    const started = sim.createSubscription({
      customer,
      items: [{ price: price.id }],
      collectionMethod: 'send_invoice',
      daysUntilDue: 14,
    });
    await play(started);
    await play(sim.payInvoice(started.invoice!.id!));
    const firstEnd = started.subscription.items.data[0]!.current_period_end;

    const renewal = await play(sim.renewSubscription(started.subscription.id));
    expect(renewal.invoice).toMatchObject({ status: 'open', collection_method: 'send_invoice' });
    sim.advanceTime(13 * 86_400);
    await play(sim.updateSubscriptionQuantity(started.subscription.id, 2));
    let licenses = await licensesOf(started.subscription.id);
    expect(licenses.map((l) => [l.enabled, l.validUntil])).toEqual([
      [true, at(firstEnd)],
      [true, at(firstEnd)],
    ]);
    // Past the due date Stripe marks it past_due: still working, still not extended.
    await play(sim.setSubscriptionStatus(started.subscription.id, 'past_due'));
    licenses = await licensesOf(started.subscription.id);
    expect(licenses.every((l) => l.enabled && l.validUntil?.getTime() === at(firstEnd).getTime())).toBe(true);

    await play(sim.payInvoice(renewal.invoice!.id!));
    const secondEnd = renewal.subscription.items.data[0]!.current_period_end;
    licenses = await licensesOf(started.subscription.id);
    expect(licenses[0]!.validUntil).toEqual(at(secondEnd));
  });
});
