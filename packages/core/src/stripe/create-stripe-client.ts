import Stripe from 'stripe';

/** The API version our code and tests are written against (stripe-node 20.3 pins it too). */
export const STRIPE_API_VERSION = '2026-01-28.clover' as const;

/**
 * `apiBase` unset = the real Stripe API; set (e.g. `http://127.0.0.1:12111`) = a fake or proxy,
 * reached through the SDK's own host/port/protocol options so requests look exactly as in production.
 */
export function createStripeClient(opts: {
  apiKey: string;
  apiBase?: string | undefined;
  maxNetworkRetries?: number;
}): Stripe {
  const base = opts.apiBase ? new URL(opts.apiBase) : undefined;
  return new Stripe(opts.apiKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: opts.maxNetworkRetries ?? 2,
    // Handlers read Stripe inside short transactions; a hung request must fail (and retry) fast.
    timeout: 20_000,
    ...(base && {
      host: base.hostname,
      port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)),
      protocol: base.protocol.replace(':', '') as 'http' | 'https',
    }),
  });
}
