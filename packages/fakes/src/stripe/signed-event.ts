import Stripe from 'stripe';

// generateTestHeaderString needs no API key; a throwaway client just gives access to it.
const webhooks = new Stripe('sk_test_signing_only').webhooks;

export interface SignedStripeEvent {
  /** The exact body to send; the signature covers these bytes. */
  payload: string;
  /** The `Stripe-Signature` header value: `t=<unix seconds>,v1=<hex>`. */
  header: string;
}

/** Signs an event (or a raw payload) as Stripe does for a webhook endpoint with `secret` (`whsec_…`). */
export function signStripeEvent(
  event: Stripe.Event | object | string,
  secret: string,
  options: { timestamp?: number } = {},
): SignedStripeEvent {
  const payload = typeof event === 'string' ? event : JSON.stringify(event, null, 2);
  const header = webhooks.generateTestHeaderString({
    payload,
    secret,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
  });
  return { payload, header };
}

/** POSTs a signed event to a webhook endpoint the way Stripe delivers it. */
export async function deliverStripeEvent(
  url: string,
  event: Stripe.Event | object | string,
  secret: string,
  options: { timestamp?: number } = {},
): Promise<Response> {
  const { payload, header } = signStripeEvent(event, secret, options);
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Stripe-Signature': header,
      'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
    },
    body: payload,
  });
}
