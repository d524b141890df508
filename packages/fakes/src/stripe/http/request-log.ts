import type { FormParams } from './parse-form.js';

/** One request as the fake saw it, for tests asserting what a client actually sent. */
export interface LoggedRequest {
  method: string;
  path: string;
  query: FormParams;
  /** The decoded form body (POST only). */
  body: FormParams;
  idempotencyKey: string | undefined;
  /** The bearer key the request was made with: which account's key a client used. */
  apiKey: string | undefined;
  status: number;
  requestId: string;
  /** True when the response was replayed from an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}
