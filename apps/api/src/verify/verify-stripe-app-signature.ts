import type Stripe from 'stripe';
import { signedTimestamp } from './signed-timestamp';

export type VerifiedDashboardUser = { ok: true } | { ok: false; error: string };

/**
 * Checks the `Stripe-Signature` a Stripe app view got from `fetchStripeSignature()`: Stripe signs
 * `{"user_id":…,"account_id":…}` (in that order) with the app's signing secret, as webhooks are
 * signed, so the SDK's own verifier checks the HMAC and the age (within `toleranceS`). A
 * timestamp far in the future is refused too: the SDK lets it through, replayable for years.
 */
export function verifyStripeAppSignature(options: {
  stripe: Stripe;
  userId: string;
  accountId: string;
  header: string | undefined;
  secret: string;
  toleranceS: number;
  nowS?: number;
}): VerifiedDashboardUser {
  const { header, toleranceS } = options;
  if (!header) return { ok: false, error: 'Stripe-Signature header is missing' };
  const payload = JSON.stringify({ user_id: options.userId, account_id: options.accountId });
  try {
    options.stripe.webhooks.signature.verifyHeader(payload, header, options.secret, toleranceS);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  const nowS = options.nowS ?? Math.floor(Date.now() / 1000);
  if (signedTimestamp(header) > nowS + toleranceS) {
    return { ok: false, error: `signature timestamp is more than ${toleranceS} s in the future` };
  }
  return { ok: true };
}
