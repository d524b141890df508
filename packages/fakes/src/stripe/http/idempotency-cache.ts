import { StripeApiError } from './stripe-api-error.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * Stripe's Idempotency-Key contract: the first response for a key is replayed for later requests
 * with the same key, and reusing the key for different parameters is a 400 `idempotency_error`.
 */
export interface IdempotencyCache {
  /** The stored response for this key, or undefined when the key is new. Throws on a parameter mismatch. */
  lookup(key: string, fingerprint: string): StoredResponse | undefined;
  store(key: string, fingerprint: string, response: StoredResponse): void;
  clear(): void;
}

export function createIdempotencyCache(): IdempotencyCache {
  const entries = new Map<string, { fingerprint: string; response: StoredResponse }>();
  return {
    lookup(key, fingerprint) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.fingerprint !== fingerprint) {
        throw new StripeApiError(
          400,
          {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          },
          false,
        );
      }
      return entry.response;
    },
    store(key, fingerprint, response) {
      entries.set(key, { fingerprint, response: structuredClone(response) });
    },
    clear() {
      entries.clear();
    },
  };
}
