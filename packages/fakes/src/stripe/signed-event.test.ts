import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  buildStripeEvent,
  DEFAULT_STRIPE_API_VERSION,
  deliverStripeEvent,
  signStripeEvent,
} from './index.js';

const secret = 'whsec_test_secret';
const stripe = new Stripe('sk_test_verify');

describe('signed events', () => {
  const event = buildStripeEvent(
    'customer.subscription.updated',
    { id: 'sub_1', object: 'subscription', status: 'past_due' },
    { previousAttributes: { status: 'active' } },
  );

  it('builds an event envelope', () => {
    expect(event).toMatchObject({
      object: 'event',
      api_version: DEFAULT_STRIPE_API_VERSION,
      type: 'customer.subscription.updated',
      data: { object: { id: 'sub_1' }, previous_attributes: { status: 'active' } },
      livemode: false,
    });
    expect(event.id).toMatch(/^evt_/);
  });

  it('signs so that constructEvent verifies it', () => {
    const { payload, header } = signStripeEvent(event, secret);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(stripe.webhooks.constructEvent(payload, header, secret, 300).id).toBe(event.id);
  });

  it('fails verification for a tampered body, a wrong secret or an old timestamp', () => {
    const { payload, header } = signStripeEvent(event, secret);
    expect(() =>
      stripe.webhooks.constructEvent(payload.replace('past_due', 'active'), header, secret, 300),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_other', 300)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const stale = signStripeEvent(event, secret, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(() => stripe.webhooks.constructEvent(stale.payload, stale.header, secret, 300)).toThrow(
      /tolerance/,
    );
  });

  it('delivers with Stripe-Signature and a JSON content type', async () => {
    let received: { headers: IncomingHttpHeaders; body: string } | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const response = await deliverStripeEvent(`http://127.0.0.1:${port}/webhooks/stripe`, event, secret);
      expect(response.status).toBe(200);
      expect(received?.headers['content-type']).toMatch(/^application\/json/);
      const verified = stripe.webhooks.constructEvent(
        received?.body ?? '',
        String(received?.headers['stripe-signature']),
        secret,
        300,
      );
      expect(verified.type).toBe('customer.subscription.updated');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
