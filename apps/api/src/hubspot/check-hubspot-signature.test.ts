import { signHubspotRequest } from '@licensync/fakes/hubspot';
import { describe, expect, it } from 'vitest';
import { checkHubspotSignature, HUBSPOT_SIGNATURE_MAX_AGE_MS } from './check-hubspot-signature';

const clientSecret = 'app-secret';
const now = 1_800_000_000_000;
const url = 'https://licensync.example.com/hubspot/cards/orders?userEmail=rep%40acme.io&portalId=42';
const body = '{"objectType":"contact","objectId":"7"}';

const request = (
  headers: Record<string, string>,
  over: { url?: string; body?: string; method?: string } = {},
) => ({
  method: over.method ?? 'POST',
  url: over.url ?? url,
  rawBody: Buffer.from(over.body ?? body),
  header: (name: string) => headers[name.toLowerCase()],
});
const signed = (over: { timestamp?: number; secret?: string; versions?: Array<'v2' | 'v3'> } = {}) =>
  signHubspotRequest({
    method: 'POST',
    url,
    body,
    clientSecret: over.secret ?? clientSecret,
    timestamp: over.timestamp ?? now,
    versions: over.versions,
  });
const check = (req: ReturnType<typeof request>, acceptV2 = false) =>
  checkHubspotSignature(req, { clientSecret, nowMs: now, acceptV2 });

describe('checkHubspotSignature', () => {
  it('accepts a v3 signature made as HubSpot makes it (URI escapes decoded)', () => {
    expect(check(request(signed()))).toEqual({ ok: true, version: 'v3' });
  });

  it.each([
    ['a wrong secret', request(signed({ secret: 'other' })), 'does not match'],
    ['a tampered body', request(signed(), { body: body.replace('7', '8') }), 'does not match'],
    ['a tampered query', request(signed(), { url: url.replace('42', '43') }), 'does not match'],
    ['another method', request(signed(), { method: 'PUT' }), 'does not match'],
    [
      'a stale timestamp',
      request(signed({ timestamp: now - HUBSPOT_SIGNATURE_MAX_AGE_MS - 1 })),
      '5 minutes',
    ],
    [
      'a far-future timestamp',
      request(signed({ timestamp: now + HUBSPOT_SIGNATURE_MAX_AGE_MS + 1 })),
      '5 minutes',
    ],
    ['no signature', request({}), 'missing'],
    ['a non-numeric timestamp', request({ ...signed(), 'x-hubspot-request-timestamp': 'soon' }), 'malformed'],
    [
      'a signature of another length',
      request({ ...signed(), 'x-hubspot-signature-v3': 'abc' }),
      'does not match',
    ],
  ])('refuses %s', (_what, req, reason) => {
    const result = check(req);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('accepts a timestamp just inside five minutes', () => {
    expect(check(request(signed({ timestamp: now - HUBSPOT_SIGNATURE_MAX_AGE_MS }))).ok).toBe(true);
  });

  it('accepts v2 only where the route opts in, and only when it matches', () => {
    const v2 = signed({ versions: ['v2'] });
    expect(check(request(v2)).ok).toBe(false);
    expect(check(request(v2), true)).toEqual({ ok: true, version: 'v2' });
    expect(check(request(v2, { body: '{}' }), true).ok).toBe(false);
    expect(check(request(signed({ versions: ['v2'], secret: 'other' })), true).ok).toBe(false);
  });

  it('checks v3 whenever it is sent, even where v2 would do', () => {
    const both = { ...signed({ versions: ['v2', 'v3'] }), 'x-hubspot-signature-v3': 'forged=' };
    expect(check(request(both), true).ok).toBe(false);
  });
});
