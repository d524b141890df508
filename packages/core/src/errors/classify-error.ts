import { ZodError } from 'zod';
import { PermanentError } from './permanent-error';

export type ErrorClass = 'retry' | 'permanent';

interface HttpishError {
  statusCode?: number;
  code?: number | string;
  type?: string;
}

/**
 * The one place that sorts failures. Retry: network, 5xx, 429, lock timeouts. Permanent: our own
 * PermanentError, invalid payloads, and provider 4xx answers that will not change on their own.
 */
export function classifyError(err: unknown): ErrorClass {
  if (err instanceof PermanentError || err instanceof ZodError) return 'permanent';
  const e = err as HttpishError;
  // Stripe SDK errors carry statusCode; HubSpot's ApiException carries a numeric code.
  const status =
    typeof e?.statusCode === 'number' ? e.statusCode : typeof e?.code === 'number' ? e.code : undefined;
  if (status !== undefined) {
    if (status === 429 || status === 409 || status >= 500) return 'retry';
    if (status >= 400) return 'permanent';
  }
  if (e?.type === 'StripeInvalidRequestError' || e?.type === 'StripeAuthenticationError') return 'permanent';
  return 'retry';
}
