import * as schema from '@licensync/core/schema';
import { eventually } from '@licensync/test-env';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

/** Each handler of an event succeeds or fails on its own, and a replay runs only the failed ones. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

async function inboxRow(eventId: string) {
  const [row] = await stack.api.db
    .select()
    .from(schema.inboxEvents)
    .where(eq(schema.inboxEvents.externalId, eventId));
  return row!;
}

describe('per-handler outcomes', () => {
  let price: Stripe.Price;
  let paidEvent: Stripe.Event;
  let subscription: Stripe.Subscription;

  beforeAll(async () => {
    const { sim } = stack.fake;
    const product = sim.createProduct({ name: 'Broken monthly' }).product;
    // floating_cloud above max_activations: licensing fails for good, the mirror has nothing to do with it.
    price = sim.createPrice({
      product: product.id,
      unit_amount: 1000,
      recurring: { interval: 'month' },
      metadata: { short_code: 'pro', max_activations: '2', floating_cloud: '5' },
    }).price;
    const customer = sim.createCustomer({ email: 'handlers@example.com' }).customer.id;
    const step = sim.createSubscription({ customer, items: [{ price: price.id }] });
    subscription = step.subscription;
    paidEvent = step.events.find((e) => e.type === 'invoice.paid')!;
    await stack.deliver(step.events);
    await stack.settled(step.events);
  });

  it('a licensing failure does not skip the billing-mirror handler of the same event', async () => {
    const row = await inboxRow(paidEvent.id);
    expect(row.status).toBe('failed');
    expect(row.handlerOutcomes).toMatchObject({
      runInvoicePaid: { outcome: 'failed', error: expect.stringContaining('floating_cloud') },
      runMirrorInvoice: { outcome: 'processed' },
    });
    const [mirrored] = await stack.api.db
      .select()
      .from(schema.billingInvoices)
      .where(eq(schema.billingInvoices.stripeInvoiceId, (paidEvent.data.object as Stripe.Invoice).id!));
    expect(mirrored).toMatchObject({ status: 'paid' });
    expect(await stack.licenses({ subscriptionId: subscription.id })).toEqual([]);
  });

  it('the failure shows each handler outcome', async () => {
    const list = await stack.call('GET', '/failures?event_type=invoice.paid');
    const failure = list.body.data.find((f: { event_id: string }) => f.event_id === paidEvent.id);
    const shown = await stack.call('GET', `/failures/${failure.id}`);
    expect(shown.body.event.handler_outcomes).toMatchObject({
      runInvoicePaid: { outcome: 'failed' },
      runMirrorInvoice: { outcome: 'processed' },
    });
  });

  it('a replay runs only the handlers that failed', async () => {
    const before = (await inboxRow(paidEvent.id)).handlerOutcomes.runMirrorInvoice!;
    stack.fake.sim.updatePrice(price.id, { metadata: { floating_cloud: '1' } });
    const list = await stack.call('GET', '/failures?event_type=invoice.paid');
    const failure = list.body.data.find((f: { event_id: string }) => f.event_id === paidEvent.id);
    const replay = await stack.call('POST', '/failures/replay', { ids: [failure.id] });
    expect(replay.body).toMatchObject({ requeued: 1 });
    await eventually(async () => (await inboxRow(paidEvent.id)).status === 'processed');

    const row = await inboxRow(paidEvent.id);
    expect(row.handlerOutcomes.runInvoicePaid).toMatchObject({ outcome: 'processed' });
    expect(row.handlerOutcomes.runMirrorInvoice).toEqual(before);
    expect(await stack.licenses({ subscriptionId: subscription.id })).toHaveLength(1);
    // The history entry is written just after the row is marked: wait for it.
    const processedEntries = async () =>
      (
        await stack.api.db
          .select()
          .from(schema.activityLog)
          .where(and(eq(schema.activityLog.kind, 'job.processed'), eq(schema.activityLog.outcome, 'ok')))
      ).filter((a) => a.subjects.includes(`stripe:${paidEvent.id}`));
    await eventually(async () => (await processedEntries()).length > 0);
    expect((await processedEntries()).map((a) => a.detail?.handlers)).toEqual([['runInvoicePaid']]);
  });
});
