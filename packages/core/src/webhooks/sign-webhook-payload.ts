import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'Licensync-Signature';

/**
 * Stripe's scheme: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The timestamp is
 * signed too, so a receiver can refuse an old capture replayed at it.
 */
export function signWebhookPayload(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
