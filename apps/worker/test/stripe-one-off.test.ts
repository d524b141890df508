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

async function play<T extends { events: Stripe.Event[] }>(step: T): Promise<T> {
  await stack.deliver(step.events);
  await stack.settled(step.events);
  return step;
}

function oneOffPrice(metadata: Record<string, string>, productMetadata: Record<string, string> = {}) {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'One-off', metadata: productMetadata }).product;
  return sim.createPrice({ product: product.id, unit_amount: 4900, metadata }).price;
}

const licensesOf = async (paymentIntentId: string) => stack.licenses({ paymentIntentId });

describe('checkout.session.completed (payment mode)', () => {
  it('a one-off purchase of 3 seats gives 3 licenses with the default policy', async () => {
    const price = oneOffPrice({}, { short_code: 'pro' });
    const { paymentIntent } = await play(
      stack.fake.sim.checkout({
        customer_email: 'seats@example.com',
        mode: 'payment',
        lineItems: [{ price: price.id, quantity: 3 }],
      }),
    );
    const licenses = await licensesOf(paymentIntent!.id);
    expect(licenses).toHaveLength(3);
    expect(licenses[0]).toMatchObject({
      licenseType: 'perpetual',
      maxActivations: 3,
      validUntil: null,
      enabled: true,
    });
    expect(licenses[0]!.maintenanceUntil).not.toBeNull();
  });

  it('is_single_license turns a quantity of 5 into one license for 5 machines', async () => {
    const price = oneOffPrice({ short_code: 'pro', is_single_license: 'true', license_policy: 'annual' });
    const { paymentIntent, session } = await play(
      stack.fake.sim.checkout({
        customer_email: 'single@example.com',
        mode: 'payment',
        lineItems: [{ price: price.id, quantity: 5 }],
      }),
    );
    const licenses = await licensesOf(paymentIntent!.id);
    expect(licenses).toHaveLength(1);
    expect(licenses[0]).toMatchObject({ maxActivations: 5, licenseType: 'time-limited' });
    const created = new Date(session.created * 1000);
    expect(licenses[0]!.validUntil!.getUTCFullYear()).toBe(created.getUTCFullYear() + 1);
  });

  it('a user product assigns the customer as a license user when asked', async () => {
    const price = oneOffPrice({
      short_code: 'team',
      license_type: 'time-limited',
      valid_duration: '6m',
      assign_customer_as_user: 'true',
      max_license_users: '4',
    });
    const { paymentIntent } = await play(
      stack.fake.sim.checkout({
        customer_email: 'Owner@Example.com',
        mode: 'payment',
        lineItems: [{ price: price.id }],
      }),
    );
    const [license] = await licensesOf(paymentIntent!.id);
    expect(license).toMatchObject({ licenseKey: null, maxLicenseUsers: 4 });
    const users = await stack.api.db
      .select()
      .from(schema.licenseUsers)
      .where(eq(schema.licenseUsers.licenseId, license!.id));
    expect(users.map((u) => [u.email, u.isManager])).toEqual([['owner@example.com', true]]);
  });

  it('custom_field_ metadata overrides the product default', async () => {
    const price = oneOffPrice({ short_code: 'pro', custom_field_support_tier: 'gold' });
    const { paymentIntent } = await play(
      stack.fake.sim.checkout({
        customer_email: 'gold@example.com',
        mode: 'payment',
        lineItems: [{ price: price.id }],
      }),
    );
    const [license] = await licensesOf(paymentIntent!.id);
    const fields = await stack.api.db
      .select()
      .from(schema.licenseCustomFields)
      .where(eq(schema.licenseCustomFields.licenseId, license!.id));
    expect(fields).toMatchObject([{ name: 'support_tier', value: 'gold' }]);
  });

  it('a bundle gives one bundle license plus one license per member product', async () => {
    const price = oneOffPrice({ short_code: 'suite', is_product_bundle: 'true' });
    const { paymentIntent } = await play(
      stack.fake.sim.checkout({
        customer_email: 'bundle@example.com',
        mode: 'payment',
        lineItems: [{ price: price.id }],
      }),
    );
    const licenses = await licensesOf(paymentIntent!.id);
    expect(licenses).toHaveLength(3);
    const bundle = licenses.find((l) => !l.bundleLicenseId)!;
    expect(licenses.filter((l) => l.bundleLicenseId === bundle.id)).toHaveLength(2);
  });

  it('an ignored item creates nothing while the rest of the order is licensed', async () => {
    const ignored = oneOffPrice({ ignore_product_in_licensespring: 'true' });
    const licensed = oneOffPrice({ short_code: 'pro' });
    const { paymentIntent, events } = await play(
      stack.fake.sim.checkout({
        customer_email: 'mixed@example.com',
        mode: 'payment',
        lineItems: [{ price: ignored.id, quantity: 2 }, { price: licensed.id }],
      }),
    );
    expect(await licensesOf(paymentIntent!.id)).toHaveLength(1);
    const rows = await stack.settled(events);
    expect(rows.every((r) => r.status !== 'failed')).toBe(true);
  });

  it('a delayed payment waits for checkout.session.async_payment_succeeded', async () => {
    const price = oneOffPrice({ short_code: 'pro' });
    const { session } = await play(
      stack.fake.sim.checkout({
        customer_email: 'sepa@example.com',
        mode: 'payment',
        paymentStatus: 'unpaid',
        lineItems: [{ price: price.id }],
      }),
    );
    expect(await stack.licenses()).not.toContainEqual(
      expect.objectContaining({ stripeCheckoutSessionId: session.id }),
    );
    await play(stack.fake.sim.completeAsyncPayment(session.id));
    const mine = (await stack.licenses()).filter((l) => l.stripeCheckoutSessionId === session.id);
    expect(mine).toHaveLength(1);
  });

  it('a session with an invoice is licensed once, by invoice.paid', async () => {
    const price = oneOffPrice({ short_code: 'pro' });
    const { invoice } = await play(
      stack.fake.sim.checkout({
        customer_email: 'inv@example.com',
        mode: 'payment',
        invoiceCreation: true,
        lineItems: [{ price: price.id, quantity: 2 }],
      }),
    );
    const mine = (await stack.licenses()).filter((l) => l.stripeInvoiceId === invoice!.id);
    expect(mine).toHaveLength(2);
    expect(mine.every((l) => l.stripeCheckoutSessionId === null && l.stripePaymentIntentId)).toBe(true);
  });
});

describe('charge.refunded and charge.dispute.created', () => {
  it('when a charge is refunded, all licenses linked to that payment intent are deactivated (partial refunds too, by default)', async () => {
    const price = oneOffPrice({ short_code: 'pro' });
    const { paymentIntent } = await play(
      stack.fake.sim.checkout({
        customer_email: 'refund@example.com',
        mode: 'payment',
        lineItems: [{ price: price.id, quantity: 2 }],
      }),
    );
    await play(stack.fake.sim.refundCharge({ paymentIntent: paymentIntent!.id }, { amount: 1000 }));
    expect((await licensesOf(paymentIntent!.id)).map((l) => [l.enabled, l.disabledReason])).toEqual([
      [false, 'refunded'],
      [false, 'refunded'],
    ]);
    await play(stack.fake.sim.refundCharge({ paymentIntent: paymentIntent!.id }));
    const after = await licensesOf(paymentIntent!.id);
    expect(after.map((l) => [l.enabled, l.disabledReason])).toEqual([
      [false, 'refunded'],
      [false, 'refunded'],
    ]);
    const history = await stack.api.db.select().from(schema.activityLog);
    expect(history.map((h) => h.kind)).toEqual(
      expect.arrayContaining(['stripe.refund.partial', 'stripe.refund.full']),
    );
  });

  it('partialRefundAction "none": partial refunds are only recorded; a full refund still deactivates', async () => {
    await stack.api.db.update(schema.workspaces).set({ settings: { partialRefundAction: 'none' } });
    try {
      const price = oneOffPrice({ short_code: 'pro' });
      const { paymentIntent } = await play(
        stack.fake.sim.checkout({
          customer_email: 'lenient@example.com',
          mode: 'payment',
          lineItems: [{ price: price.id, quantity: 2 }],
        }),
      );
      await play(stack.fake.sim.refundCharge({ paymentIntent: paymentIntent!.id }, { amount: 1000 }));
      expect((await licensesOf(paymentIntent!.id)).every((l) => l.enabled)).toBe(true);
      const recorded = await stack.api.db.select().from(schema.activityLog);
      expect(
        recorded.some(
          (h) => h.kind === 'stripe.refund.partial' && h.message?.includes('0 license(s) disabled'),
        ),
      ).toBe(true);
      await play(stack.fake.sim.refundCharge({ paymentIntent: paymentIntent!.id }));
      expect((await licensesOf(paymentIntent!.id)).every((l) => l.disabledReason === 'refunded')).toBe(true);
    } finally {
      await stack.api.db.update(schema.workspaces).set({ settings: {} });
    }
  });

  it('a dispute disables licenses when the workspace is configured to', async () => {
    await stack.api.db.update(schema.workspaces).set({ settings: { disableOnDispute: true } });
    try {
      const price = oneOffPrice({ short_code: 'pro' });
      const other = await play(
        stack.fake.sim.checkout({
          customer_email: 'dispute@example.com',
          mode: 'payment',
          lineItems: [{ price: price.id }],
        }),
      );
      await play(stack.fake.sim.disputeCharge({ paymentIntent: other.paymentIntent!.id }));
      expect((await licensesOf(other.paymentIntent!.id))[0]).toMatchObject({
        enabled: false,
        disabledReason: 'disputed',
      });
    } finally {
      await stack.api.db.update(schema.workspaces).set({ settings: {} });
    }
  });

  it('a dispute is only recorded by default', async () => {
    const price = oneOffPrice({ short_code: 'pro' });
    const { paymentIntent } = await play(
      stack.fake.sim.checkout({
        customer_email: 'calm@example.com',
        mode: 'payment',
        lineItems: [{ price: price.id }],
      }),
    );
    await play(stack.fake.sim.disputeCharge({ paymentIntent: paymentIntent!.id }));
    expect((await licensesOf(paymentIntent!.id))[0]!.enabled).toBe(true);
  });
});
