import type { FailureRule } from './failure-injector.js';
import { StripeApiError } from './stripe-api-error.js';

/** The error Stripe would send for a status chosen with `failNext`. */
export function injectedFailure(rule: FailureRule & { status: number }): StripeApiError {
  const { status } = rule;
  if (status === 429) {
    return new StripeApiError(
      429,
      {
        type: 'invalid_request_error',
        code: 'rate_limit',
        message:
          rule.message ??
          'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
      },
      false,
    );
  }
  if (status === 409) {
    const message =
      'This object cannot be accessed right now because another API request or Stripe process is currently accessing it.';
    return new StripeApiError(
      409,
      { type: 'invalid_request_error', code: 'lock_timeout', message: rule.message ?? message },
      false,
    );
  }
  const type = status >= 500 ? 'api_error' : 'invalid_request_error';
  // Not stored under the Idempotency-Key: the failure stands for a request that never reached Stripe's
  // endpoint, so a retry with the same key must run for real.
  return new StripeApiError(
    status,
    { type, message: rule.message ?? `Injected failure (HTTP ${status}).` },
    false,
  );
}
