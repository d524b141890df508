import { enqueueResyncRun } from '@licensync/core/resyncs';
import * as schema from '@licensync/core/schema';
import { eventually } from '@licensync/test-env';
import { and, arrayContains, eq, like } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
let price: Stripe.Price;
let buyers = 0;

beforeAll(async () => {
  // Pages of two, so the windowed lists page (and skip filtered objects) across pages.
  stack = await startStack({ env: { RESYNC_PAGE_SIZE: '2', RESYNC_SLICE_ATTEMPTS: '3' } });
  const product = stack.fake.sim.createProduct({ name: 'One-off' }).product;
  price = stack.fake.sim.createPrice({
    product: product.id,
    unit_amount: 4900,
    metadata: { short_code: 'pro' },
  }).price;
}, 60_000);
afterAll(() => stack.close());

async function play<T extends { events: Stripe.Event[] }>(step: T): Promise<T> {
  await stack.deliver(step.events);
  await stack.settled(step.events);
  return step;
}

/** A paid one-off purchase in Stripe; its events are not delivered unless it is `play`ed. */
const purchase = (quantity: number, extra: { customer?: string; invoiceCreation?: boolean } = {}) =>
  stack.fake.sim.checkout({
    ...(extra.customer ? { customer: extra.customer } : { customer_email: `buyer${++buyers}@example.com` }),
    ...(extra.invoiceCreation && { invoiceCreation: true }),
    mode: 'payment',
    lineItems: [{ price: price.id, quantity }],
  });

async function waitForRun(id: string) {
  return eventually(async () => {
    const { body: run } = await stack.call('GET', `/resyncs/${id}`);
    return run.status === 'succeeded' || run.status === 'failed' ? run : undefined;
  }, 30_000);
}

async function reconcile(scope = 'workspace') {
  const created = await stack.call('POST', '/resyncs', { kind: 'stripe-reconcile', scope });
  expect(created.status).toBe(202);
  return waitForRun(created.body.id);
}

const unchanged = { created: 0, enabled: 0, disabled: 0, extended: 0 };

/** The kinds of the refund entries in the history about a charge. */
const refundEntries = async (chargeId: string) =>
  (
    await stack.api.db
      .select({ kind: schema.activityLog.kind })
      .from(schema.activityLog)
      .where(
        and(
          eq(schema.activityLog.workspaceId, stack.workspaceId),
          arrayContains(schema.activityLog.subjects, [`stripe:${chargeId}`]),
          like(schema.activityLog.kind, 'stripe.refund.%'),
        ),
      )
  ).map((entry) => entry.kind);

describe('stripe-reconcile: one-off payments', () => {
  it('licenses a purchase and a one-off invoice whose webhooks never arrived', async () => {
    const lost = purchase(3);
    const invoiced = purchase(2, { invoiceCreation: true });
    const live = await play(purchase(1));

    const run = await reconcile();
    expect(run).toMatchObject({ status: 'succeeded', done: 3, total: 3, failed_slices: [] });
    expect(run.report).toEqual({
      subscriptions: 0,
      payments: 3,
      refunds: 0,
      disputes: 0,
      ...unchanged,
      created: 5,
    });
    const licensed = await stack.licenses({ paymentIntentId: lost.paymentIntent!.id });
    expect(licensed.map((l) => [l.stripeCheckoutSessionId, l.enabled])).toEqual([
      [lost.session.id, true],
      [lost.session.id, true],
      [lost.session.id, true],
    ]);
    const byInvoice = (await stack.licenses()).filter((l) => l.stripeInvoiceId === invoiced.invoice!.id);
    expect(byInvoice).toHaveLength(2);
    expect(await stack.licenses({ paymentIntentId: live.paymentIntent!.id })).toHaveLength(1);
  });

  it('a second run changes nothing', async () => {
    const run = await reconcile();
    expect(run.status).toBe('succeeded');
    expect(run.report).toEqual({ subscriptions: 0, payments: 3, refunds: 0, disputes: 0, ...unchanged });
  });

  it('leaves a purchase older than the lookback window alone', async () => {
    const old = purchase(1);
    // Backdate it in Stripe to 31 days ago (the window is RESYNC_STRIPE_LOOKBACK_DAYS = 30).
    stack.fake.state.store.find<Stripe.Checkout.Session>(old.session.id)!.created -= 31 * 86_400;
    const run = await reconcile();
    expect(run.report).toMatchObject({ payments: 3, ...unchanged });
    expect(await stack.licenses({ paymentIntentId: old.paymentIntent!.id })).toEqual([]);
  });

  it('a customer scope covers only that customer’s payments', async () => {
    const { sim } = stack.fake;
    const mine = sim.createCustomer({ email: 'mine@example.com' }).customer;
    const theirs = sim.createCustomer({ email: 'theirs@example.com' }).customer;
    const first = await play(purchase(1, { customer: mine.id }));
    const [license] = await stack.licenses({ paymentIntentId: first.paymentIntent!.id });
    const mineLost = purchase(1, { customer: mine.id });
    const theirsLost = purchase(1, { customer: theirs.id });

    const run = await reconcile(`customer:${license!.customerId}`);
    expect(run).toMatchObject({ status: 'succeeded', done: 2, total: 2 });
    expect(run.report).toMatchObject({ payments: 2, created: 1 });
    expect(await stack.licenses({ paymentIntentId: mineLost.paymentIntent!.id })).toHaveLength(1);
    expect(await stack.licenses({ paymentIntentId: theirsLost.paymentIntent!.id })).toEqual([]);

    expect((await reconcile()).report).toMatchObject({ created: 1 });
  });

  it('lists a payment that keeps failing as a slice, licenses the rest, and ends failed', async () => {
    const failing = purchase(1);
    const other = purchase(1);
    stack.fake.failNext(3, { status: 500, path: `/v1/checkout/sessions/${failing.session.id}` });
    const run = await reconcile();
    expect(run).toMatchObject({ status: 'failed', report: { created: 1 } });
    expect(run.failed_slices).toEqual([
      { slice: `checkout_session:${failing.session.id}`, error: expect.any(String) },
    ]);
    expect(await stack.licenses({ paymentIntentId: other.paymentIntent!.id })).toHaveLength(1);

    const next = await reconcile();
    expect(next).toMatchObject({ status: 'succeeded', report: { created: 1 } });
    expect(await stack.licenses({ paymentIntentId: failing.paymentIntent!.id })).toHaveLength(1);
  });
});

describe('stripe-reconcile: refunds and disputes', () => {
  it('disables the licenses of refunds (full or partial) whose webhook never arrived', async () => {
    const { sim } = stack.fake;
    const full = await play(purchase(2));
    const partial = await play(purchase(1));
    const fullRefund = sim.refundCharge({ paymentIntent: full.paymentIntent!.id });
    const partialRefund = sim.refundCharge({ paymentIntent: partial.paymentIntent!.id }, { amount: 1000 });

    const run = await reconcile();
    expect(run).toMatchObject({ status: 'succeeded', report: { refunds: 2, ...unchanged, disabled: 3 } });
    const refunded = await stack.licenses({ paymentIntentId: full.paymentIntent!.id });
    expect(refunded.map((l) => [l.enabled, l.disabledReason])).toEqual([
      [false, 'refunded'],
      [false, 'refunded'],
    ]);
    expect((await stack.licenses({ paymentIntentId: partial.paymentIntent!.id }))[0]!.enabled).toBe(false);
    expect(await refundEntries(partialRefund.charge.id)).toEqual(['stripe.refund.partial']);

    // Both are in the history now: the next run neither changes nor records anything again.
    const again = await reconcile();
    expect(again.report).toMatchObject({ refunds: 2, ...unchanged });
    expect(await refundEntries(fullRefund.charge.id)).toEqual(['stripe.refund.full']);
    expect(await refundEntries(partialRefund.charge.id)).toEqual(['stripe.refund.partial']);
  });

  it('does not apply again a refund whose webhook came, over an operator re-enabling a license', async () => {
    const bought = await play(purchase(1));
    await play(stack.fake.sim.refundCharge({ paymentIntent: bought.paymentIntent!.id }));
    const [license] = await stack.licenses({ paymentIntentId: bought.paymentIntent!.id });
    expect(license!.enabled).toBe(false);
    await stack.api.db
      .update(schema.licenses)
      .set({ enabled: true, disabledReason: null })
      .where(eq(schema.licenses.id, license!.id));

    const run = await reconcile();
    expect(run.report).toMatchObject(unchanged);
    expect((await stack.licenses({ paymentIntentId: bought.paymentIntent!.id }))[0]!.enabled).toBe(true);
  });

  it('disables the licenses of a dispute whose webhook never arrived when the workspace says so', async () => {
    const { db } = stack.api;
    await db.update(schema.workspaces).set({ settings: { disableOnDispute: true } });
    try {
      const bought = await play(purchase(1));
      stack.fake.sim.disputeCharge({ paymentIntent: bought.paymentIntent!.id });
      const run = await reconcile();
      expect(run).toMatchObject({ status: 'succeeded', report: { disputes: 1, ...unchanged, disabled: 1 } });
      expect((await stack.licenses({ paymentIntentId: bought.paymentIntent!.id }))[0]).toMatchObject({
        enabled: false,
        disabledReason: 'disputed',
      });
    } finally {
      await db.update(schema.workspaces).set({ settings: {} });
    }
  });

  it('resumes a run in the phase its checkpoint names', async () => {
    const bought = await play(purchase(1));
    stack.fake.sim.refundCharge({ paymentIntent: bought.paymentIntent!.id });
    const lost = purchase(1);
    const { db, queues } = stack.api;
    // A run interrupted in its refunds phase: the payments before it are not walked again.
    const [row] = await db
      .insert(schema.resyncRuns)
      .values({
        workspaceId: stack.workspaceId,
        kind: 'stripe-reconcile',
        scope: 'workspace',
        done: 10,
        checkpoint: { phase: 'refunds', startingAfter: null },
        report: { subscriptions: 0, payments: 10, created: 0, enabled: 0, disabled: 0, extended: 0 },
      })
      .returning();
    const listedBefore = stack.fake.requests.length;
    await enqueueResyncRun(queues.resyncs, row!.id, { attempts: 3, backoffMs: 50 });
    const run = await waitForRun(row!.id);

    expect(run).toMatchObject({ status: 'succeeded', report: { payments: 10, disabled: 1 } });
    const paths = stack.fake.requests.slice(listedBefore).map((r) => `${r.method} ${r.path}`);
    expect(paths).toContain('GET /v1/refunds');
    expect(paths).not.toContain('GET /v1/subscriptions');
    expect(paths).not.toContain('GET /v1/checkout/sessions');
    expect(await stack.licenses({ paymentIntentId: lost.paymentIntent!.id })).toEqual([]);
    // A run from the start picks the purchase up.
    expect((await reconcile()).report).toMatchObject({ created: 1 });
  });
});
