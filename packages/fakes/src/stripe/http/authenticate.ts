import type { IncomingMessage } from 'node:http';
import { StripeApiError } from './stripe-api-error.js';

/** Stripe's 401s: no `Authorization: Bearer` at all, or something that is not a secret/restricted key. */
export function authenticate(request: IncomingMessage): void {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    throw new StripeApiError(
      401,
      {
        type: 'invalid_request_error',
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      },
      false,
    );
  }
  const key = match[1] ?? '';
  if (!/^(sk|rk)_(test|live)_/.test(key)) {
    throw new StripeApiError(
      401,
      {
        type: 'invalid_request_error',
        code: 'api_key_invalid',
        message: `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
      },
      false,
    );
  }
}
