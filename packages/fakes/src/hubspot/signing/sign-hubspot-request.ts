import { createHash, createHmac } from 'node:crypto';

/** One request as HubSpot sends it to an app's backend (a card's `hubspot.fetch`, a workflow action, a webhook). */
export interface HubspotRequestToSign {
  method: string;
  /** The full URL HubSpot calls: the app's public URL, path and query. */
  url: string;
  /** The raw body exactly as sent; empty for GET. */
  body?: string;
  /** The app's client secret. */
  clientSecret: string;
  /** Unix epoch milliseconds; defaults to now. */
  timestamp?: number;
  /** Which signatures to send; HubSpot sends v3 on card fetches and v2 (with v3) on workflow actions. */
  versions?: ReadonlyArray<'v2' | 'v3'>;
}

// HubSpot decodes only these escapes in the URI it signs (v3); every other escape stays as sent.
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

/** The URI as it enters the v3 signature. */
export function toHubspotSignedUri(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (e) => DECODED[e.toUpperCase()]!);
}

/** `base64(HMAC-SHA256(secret, method + uri + body + timestamp))`. */
export function hubspotSignatureV3(
  r: Omit<HubspotRequestToSign, 'versions'> & { timestamp: number },
): string {
  return createHmac('sha256', r.clientSecret)
    .update(`${r.method.toUpperCase()}${toHubspotSignedUri(r.url)}${r.body ?? ''}${r.timestamp}`, 'utf8')
    .digest('base64');
}

/** `hex(SHA256(secret + method + uri + body))`: no key, no timestamp, the URI exactly as called. */
export function hubspotSignatureV2(r: Omit<HubspotRequestToSign, 'versions' | 'timestamp'>): string {
  return createHash('sha256')
    .update(`${r.clientSecret}${r.method.toUpperCase()}${r.url}${r.body ?? ''}`, 'utf8')
    .digest('hex');
}

/** The headers HubSpot adds to a request it signs. */
export function signHubspotRequest(r: HubspotRequestToSign): Record<string, string> {
  const versions = r.versions ?? ['v3'];
  const timestamp = r.timestamp ?? Date.now();
  const headers: Record<string, string> = {};
  if (versions.includes('v3')) {
    headers['x-hubspot-signature-v3'] = hubspotSignatureV3({ ...r, timestamp });
    headers['x-hubspot-request-timestamp'] = String(timestamp);
  }
  if (versions.includes('v2')) {
    headers['x-hubspot-signature'] = hubspotSignatureV2(r);
    headers['x-hubspot-signature-version'] = 'v2';
  }
  return headers;
}
