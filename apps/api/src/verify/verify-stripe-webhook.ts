import type Stripe from 'stripe';
import { signedTimestamp } from './signed-timestamp';
import { storableEventProblem } from './storable-event-problem';

export type VerifiedWebhook =
  | { ok: true; id: string; type: string; body: Buffer }
  | { ok: false; outcome: 'bad_signature' | 'malformed' | 'unstorable'; error: string };

/**
 * Signature (Stripe's SDK: HMAC, timing-safe compare, age within `toleranceS`), then what the SDK
 * does not check: a timestamp far in the future (a signature that would stay replayable for
 * years), and whether the event can be stored as received.
 */
export function verifyStripeWebhook(
  stripe: Stripe,
  body: Buffer,
  header: string,
  secret: string,
  toleranceS: number,
  nowS = Math.floor(Date.now() / 1000),
): VerifiedWebhook {
  let event: unknown;
  try {
    // Decoded once here: given bytes, the SDK decodes them twice (for the HMAC and for JSON.parse).
    event = stripe.webhooks.constructEvent(body.toString('utf8'), header, secret, toleranceS);
  } catch (err) {
    if (err instanceof SyntaxError)
      return { ok: false, outcome: 'malformed', error: 'body is not valid JSON' };
    return { ok: false, outcome: 'bad_signature', error: (err as Error).message };
  }
  const timestamp = signedTimestamp(header);
  if (timestamp > nowS + toleranceS)
    return {
      ok: false,
      outcome: 'bad_signature',
      error: `signature timestamp is more than ${toleranceS} s in the future`,
    };
  const problem = storableEventProblem(body, event);
  if (problem) {
    const outcome = problem.startsWith('event needs') ? 'malformed' : 'unstorable';
    return { ok: false, outcome, error: problem };
  }
  const { id, type } = event as { id: string; type: string };
  return { ok: true, id, type, body };
}
