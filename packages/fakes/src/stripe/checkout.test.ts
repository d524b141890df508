import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeStripe, type FakeStripe } from './index.js';

let fake: FakeStripe;
let stripe: Stripe;
let oneTime: Stripe.Price;

beforeAll(async () => {
  fake = await createFakeStripe();
  stripe = fake.stripeClient();
});
beforeEach(() => {
  fake.reset();
  const { product } = fake.sim.createProduct({
    name: 'Desktop license',
    metadata: { license_kind: 'perpetual' },
  });
  oneTime = fake.sim.createPrice({
    product: product.id,
    unit_amount: 4900,
    metadata: { max_activations: '3' },
  }).price;
});
afterAll(() => fake.close());

describe('payment-mode checkout', () => {
  it('completes a paid session with a payment intent and charge', async () => {
    const result = fake.sim.checkout({
      customer_email: 'buyer@example.com',
      lineItems: [{ price: oneTime.id, quantity: 2 }],
      mode: 'payment',
    });
    expect(result.events.map((event) => event.type)).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    const completed = result.events.at(-1)?.data.object as Stripe.Checkout.Session;
    expect(completed).toMatchObject({
      mode: 'payment',
      status: 'complete',
      payment_status: 'paid',
      amount_total: 9800,
      customer: null,
      customer_details: { email: 'buyer@example.com' },
      payment_intent: result.paymentIntent?.id,
      subscription: null,
      invoice: null,
    });
    // Stripe never puts line items in the event.
    expect(completed.line_items).toBeUndefined();

    const charges = await stripe.charges.list({ payment_intent: result.paymentIntent?.id });
    expect(charges.data.map((charge) => charge.id)).toEqual([result.charge?.id]);
    expect(charges.data[0]).not.toHaveProperty('invoice');
    const intent = await stripe.paymentIntents.retrieve(result.paymentIntent?.id ?? '', {
      expand: ['latest_charge'],
    });
    expect(intent).toMatchObject({ status: 'succeeded', amount_received: 9800 });
    expect((intent.latest_charge as Stripe.Charge).amount_captured).toBe(9800);
    expect(fake.sim.chargeOf(result.session.id)?.id).toBe(result.charge?.id);
  });

  it('serves line items through retrieve expansion and listLineItems', async () => {
    const { session } = fake.sim.checkout({
      customer_email: 'buyer@example.com',
      lineItems: [{ price: oneTime.id, quantity: 3 }],
      mode: 'payment',
    });
    const retrieved = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['line_items.data.price.product'],
    });
    const line = retrieved.line_items?.data[0];
    expect(line).toMatchObject({
      object: 'item',
      quantity: 3,
      amount_total: 14_700,
      description: 'Desktop license',
    });
    expect((line?.price?.product as Stripe.Product | undefined)?.metadata).toEqual({
      license_kind: 'perpetual',
    });

    const listed = await stripe.checkout.sessions.listLineItems(session.id, {
      limit: 100,
      expand: ['data.price.product'],
    });
    expect(listed.url).toBe(`/v1/checkout/sessions/${session.id}/line_items`);
    expect(listed.data[0]?.price).toMatchObject({ id: oneTime.id, metadata: { max_activations: '3' } });
    expect((listed.data[0]?.price?.product as Stripe.Product | undefined)?.name).toBe('Desktop license');
  });

  it('links an invoice-creating checkout to its payment through invoice payments', async () => {
    const result = fake.sim.checkout({
      customer_email: 'buyer@example.com',
      lineItems: [{ price: oneTime.id, quantity: 1 }],
      mode: 'payment',
      invoiceCreation: true,
    });
    expect(result.session.invoice).toBe(result.invoice?.id);
    const invoice = await stripe.invoices.retrieve(result.invoice?.id ?? '');
    expect(invoice).toMatchObject({
      status: 'paid',
      billing_reason: 'manual',
      parent: null,
      amount_paid: 4900,
    });
    expect(invoice.lines.data[0]?.pricing?.price_details?.price).toBe(oneTime.id);
    const payments = await stripe.invoicePayments.list({
      payment: { type: 'payment_intent', payment_intent: result.paymentIntent?.id ?? '' },
    });
    expect(payments.data.map((payment) => payment.invoice)).toEqual([invoice.id]);
  });

  it('completes an unpaid (delayed) payment later', async () => {
    const result = fake.sim.checkout({
      customer_email: 'slow@example.com',
      lineItems: [{ price: oneTime.id }],
      mode: 'payment',
      paymentStatus: 'unpaid',
    });
    expect(result.session.payment_status).toBe('unpaid');
    expect(result.charge).toBeNull();
    expect(result.paymentIntent?.status).toBe('processing');

    const done = fake.sim.completeAsyncPayment(result.session.id);
    expect(done.events.map((event) => event.type)).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.async_payment_succeeded',
    ]);
    expect((await stripe.checkout.sessions.retrieve(result.session.id)).payment_status).toBe('paid');
    expect(fake.sim.chargeOf(result.session.id)?.id).toBe(done.charge.id);
  });

  it('refuses a recurring price in payment mode', async () => {
    const { product } = fake.sim.createProduct({ name: 'Sub' });
    const { price } = fake.sim.createPrice({
      product: product.id,
      unit_amount: 1,
      recurring: { interval: 'month' },
    });
    expect(() =>
      fake.sim.checkout({
        customer_email: 'x@example.com',
        lineItems: [{ price: price.id }],
        mode: 'payment',
      }),
    ).toThrow(/recurring price/);
  });
});
