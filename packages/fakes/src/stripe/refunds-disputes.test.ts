import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeStripe, type FakeStripe } from './index.js';

let fake: FakeStripe;
let stripe: Stripe;
let paid: ReturnType<FakeStripe['sim']['checkout']>;

beforeAll(async () => {
  fake = await createFakeStripe();
  stripe = fake.stripeClient();
});
beforeEach(() => {
  fake.reset();
  const { product } = fake.sim.createProduct({ name: 'Lifetime license' });
  const { price } = fake.sim.createPrice({ product: product.id, unit_amount: 10_000 });
  paid = fake.sim.checkout({
    customer_email: 'r@example.com',
    lineItems: [{ price: price.id }],
    mode: 'payment',
  });
});
afterAll(() => fake.close());

describe('refunds', () => {
  it('a partial then a full refund: amount_refunded is cumulative, refunded only at the end', async () => {
    const chargeId = paid.charge?.id ?? '';
    const partial = fake.sim.refundCharge(chargeId, { amount: 3000 });
    expect(partial.events.map((event) => event.type)).toEqual(['charge.refunded', 'refund.created']);
    const afterPartial = partial.events[0]?.data.object as Stripe.Charge;
    expect(afterPartial).toMatchObject({ amount_refunded: 3000, refunded: false });
    expect(partial.events[0]?.data.previous_attributes).toEqual({ amount_refunded: 0 });

    const rest = fake.sim.refundCharge({ paymentIntent: paid.paymentIntent?.id ?? '' });
    expect(rest.refund.amount).toBe(7000);
    expect(rest.charge).toMatchObject({ amount_refunded: 10_000, refunded: true });
    expect(rest.events[0]?.data.previous_attributes).toEqual({ amount_refunded: 3000, refunded: false });

    const refunds = await stripe.refunds.list({ charge: chargeId });
    expect(refunds.data.map((refund) => refund.amount)).toEqual([7000, 3000]);
    const charge = await stripe.charges.retrieve(chargeId, { expand: ['refunds'] });
    expect(charge.refunds?.data).toHaveLength(2);
    expect(() => fake.sim.refundCharge(chargeId)).toThrow(/already been refunded/);
  });

  it('refunds through the API by payment intent and refuses more than what is left', async () => {
    const refund = await stripe.refunds.create({
      payment_intent: paid.paymentIntent?.id ?? '',
      amount: 2500,
      reason: 'requested_by_customer',
    });
    expect(refund).toMatchObject({
      object: 'refund',
      amount: 2500,
      charge: paid.charge?.id,
      status: 'succeeded',
    });
    await expect(
      stripe.refunds.create({ charge: paid.charge?.id ?? '', amount: 9000 }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'amount_too_large',
    });
    expect((await stripe.charges.retrieve(paid.charge?.id ?? '')).amount_refunded).toBe(2500);
  });
});

describe('disputes', () => {
  it('opens a dispute on a charge', async () => {
    const { dispute, events, charge } = fake.sim.disputeCharge(paid.charge?.id ?? '');
    expect(events.map((event) => event.type)).toEqual(['charge.dispute.created']);
    expect(charge.disputed).toBe(true);
    const retrieved = await stripe.disputes.retrieve(dispute.id, { expand: ['charge'] });
    expect(retrieved).toMatchObject({ status: 'needs_response', reason: 'fraudulent', amount: 10_000 });
    expect((retrieved.charge as Stripe.Charge).id).toBe(paid.charge?.id);
  });
});
