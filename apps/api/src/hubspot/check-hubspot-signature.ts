import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot's own limit: a v3 signature older than five minutes is refused (replays). */
export const HUBSPOT_SIGNATURE_MAX_AGE_MS = 300_000;

export interface SignedRequest {
  method: string;
  /** The URL HubSpot called: our configured public URL + the path and query as received. */
  url: string;
  rawBody: Buffer;
  header(name: string): string | undefined;
}

export interface SignatureCheckOptions {
  clientSecret: string;
  nowMs: number;
  /** Workflow actions may carry only the legacy v2 signature; nowhere else is it enough. */
  acceptV2: boolean;
}

export type SignatureCheck = { ok: true; version: 'v2' | 'v3' } | { ok: false; reason: string };

// v3 signs the URI with these escapes decoded and every other escape left as sent (facts §4).
const DECODED: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export function toSignedUri(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (e) => DECODED[e.toUpperCase()]!);
}

/**
 * HubSpot's request signature, checked ourselves: the SDK's `Signature.isValid` defaults to v1,
 * throws on a stale timestamp, skips the age check on a non-numeric one, compares with `===` and
 * does not decode the URI. v3 first; v2 (a plain hash, no timestamp, so replayable) only where the
 * caller opts in.
 */
export function checkHubspotSignature(req: SignedRequest, opts: SignatureCheckOptions): SignatureCheck {
  const v3 = req.header('x-hubspot-signature-v3');
  if (v3 !== undefined) return checkV3(req, v3, opts);
  const v2 = req.header('x-hubspot-signature');
  const version = req.header('x-hubspot-signature-version');
  if (v2 !== undefined && opts.acceptV2 && (version === undefined || version.toLowerCase() === 'v2')) {
    const expected = createHash('sha256')
      .update(opts.clientSecret + req.method.toUpperCase() + req.url)
      .update(req.rawBody)
      .digest('hex');
    return sameText(v2.toLowerCase(), expected)
      ? { ok: true, version: 'v2' }
      : fail('the v2 signature does not match');
  }
  return fail('missing X-HubSpot-Signature-v3');
}

function checkV3(req: SignedRequest, signature: string, opts: SignatureCheckOptions): SignatureCheck {
  const timestamp = req.header('x-hubspot-request-timestamp');
  if (!timestamp || !/^\d{1,16}$/.test(timestamp))
    return fail('missing or malformed X-HubSpot-Request-Timestamp');
  // Far-future timestamps are refused too: a clock that far off would let a signature live longer.
  if (Math.abs(opts.nowMs - Number(timestamp)) > HUBSPOT_SIGNATURE_MAX_AGE_MS)
    return fail('the request timestamp is more than 5 minutes from now');
  const expected = createHmac('sha256', opts.clientSecret)
    .update(req.method.toUpperCase() + toSignedUri(req.url))
    .update(req.rawBody)
    .update(timestamp)
    .digest('base64');
  return sameText(signature, expected)
    ? { ok: true, version: 'v3' }
    : fail('the v3 signature does not match');
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

const fail = (reason: string): SignatureCheck => ({ ok: false, reason });
