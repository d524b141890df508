import { type KeyObject, randomUUID } from 'node:crypto';
import {
  ForgedAnswerError,
  LicenseRefusedError,
  LicenseRequestError,
  LicenseUnreachableError,
} from './errors.js';
import type { SignedEnvelope } from './types.js';
import { SIGNATURE_HEADER, signatureHolds } from './verify-signature.js';

/** A verified answer: its parsed body, and the exact bytes and signature it came with. */
export interface Answer<T> {
  body: T & SignedEnvelope;
  bytes: Uint8Array;
  signature: string;
}

type Refusal = { reason?: string; message?: string; detail?: Record<string, unknown> };

/** `Retry-After` in seconds (delta-seconds or an HTTP date), or null when absent or bad. */
export function retryAfterSeconds(header: string | null, now: Date): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds > 0 ? Math.ceil(seconds) : null;
  const at = Date.parse(header);
  if (Number.isNaN(at)) return null;
  const wait = Math.ceil((at - now.getTime()) / 1000);
  return wait > 0 ? wait : null;
}

/**
 * POSTs to `/license/v1<path>` with a fresh nonce, and accepts only an answer signed by `key`
 * that echoes that nonce. Network errors, timeouts, 5xx and rate limits (429) are
 * `LicenseUnreachableError` (the caller may fall back on grace); refusals are
 * `LicenseRefusedError`. After a 429 with `Retry-After`, nothing is sent until that time has
 * passed: calls fail at once with `LicenseUnreachableError`, so grace covers them without
 * adding to the server's load.
 */
export function createSignedPost(opts: {
  base: string;
  doFetch: typeof fetch;
  key: KeyObject;
  timeoutMs: number;
  workspace: string | undefined;
  /** Sent with every request: product, machine, credentials. */
  payload: Record<string, unknown>;
  now: () => Date;
}) {
  let quietUntil = 0;
  return async function post<T>(path: string, extra: Record<string, unknown> = {}): Promise<Answer<T>> {
    const waitMs = quietUntil - opts.now().getTime();
    if (waitMs > 0) {
      const waitS = Math.ceil(waitMs / 1000);
      throw new LicenseUnreachableError(
        `license server asked to wait (rate limited); ${waitS}s left`,
        null,
        waitS,
      );
    }
    const nonce = randomUUID();
    let res: Response;
    try {
      res = await opts.doFetch(`${opts.base}/license/v1${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(opts.workspace && { 'licensync-workspace': opts.workspace }),
        },
        body: JSON.stringify({ ...opts.payload, nonce, ...extra }),
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
    } catch (err) {
      throw new LicenseUnreachableError(`license server unreachable: ${(err as Error).message}`);
    }
    const bytes = new Uint8Array(await res.arrayBuffer().catch(() => new ArrayBuffer(0)));
    if (res.status >= 500) throw new LicenseUnreachableError(`license server answered HTTP ${res.status}`);
    if (res.status === 429) {
      // Being throttled is not a verdict on the license: like an outage, grace may cover it.
      const retry = retryAfterSeconds(res.headers.get('retry-after'), opts.now());
      if (retry !== null) quietUntil = opts.now().getTime() + retry * 1000;
      throw new LicenseUnreachableError(
        `license server is rate limiting this app (HTTP 429)${retry !== null ? `; retry after ${retry}s` : ''}`,
        null,
        retry,
      );
    }
    const signature = res.headers.get(SIGNATURE_HEADER);
    if (!signature) {
      // The server signs every answer about a license; bad requests and unknown products are
      // answered before a product key is known, so they come unsigned.
      const json = parseJson(bytes) as Refusal | null;
      if (res.status >= 400 && res.status < 500 && json?.reason) {
        const retry = Number(res.headers.get('retry-after'));
        throw new LicenseRequestError(
          json.reason,
          json.message ?? `HTTP ${res.status}`,
          res.status,
          Number.isFinite(retry) && retry > 0 ? retry : null,
        );
      }
      throw new ForgedAnswerError(`unsigned answer (HTTP ${res.status}) from ${path}`);
    }
    if (!signatureHolds(bytes, signature, opts.key)) {
      throw new ForgedAnswerError(`answer from ${path} is not signed by the product key`);
    }
    const body = parseJson(bytes) as (T & SignedEnvelope & Refusal) | null;
    if (!body) throw new ForgedAnswerError(`answer from ${path} is not JSON`);
    if (body.nonce !== nonce)
      throw new ForgedAnswerError(`answer from ${path} answers another request (nonce)`);
    if (!body.ok) {
      throw new LicenseRefusedError(
        body.reason ?? 'refused',
        body.message ?? 'refused',
        res.status,
        body.detail ?? {},
      );
    }
    return { body, bytes, signature };
  };
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return null;
  }
}
