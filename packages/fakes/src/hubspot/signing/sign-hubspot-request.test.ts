import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import {
  hubspotSignatureV2,
  hubspotSignatureV3,
  signHubspotRequest,
  toHubspotSignedUri,
} from './sign-hubspot-request';

const vector = {
  clientSecret: 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy',
  method: 'POST',
  url: 'https://www.example.com/webhook_uri',
  body: "{'example_field':'example_value'}",
  timestamp: 1693657560000,
};

describe('signHubspotRequest', () => {
  it("matches the v3 vector from HubSpot's own SDK tests", () => {
    expect(hubspotSignatureV3(vector)).toBe('K36dawei4A+QBNolUOqo7s91KQDWQ5MXZ/QufNYuk/Y=');
  });

  it('signs v3 and v2 as the official SDK computes them (URI without escapes)', () => {
    const url = 'https://app.example.com/hubspot/cards/products?portalId=42&userEmail=a@b.c';
    const r = { ...vector, url, method: 'GET', body: '' };
    expect(hubspotSignatureV3(r)).toBe(
      Signature.getSignature('GET', 'v3', { ...r, signature: '', requestBody: '', timestamp: r.timestamp }),
    );
    expect(hubspotSignatureV2(r)).toBe(
      Signature.getSignature('GET', 'v2', { ...r, signature: '', requestBody: '' }),
    );
  });

  it.each([
    ['reserved escapes are decoded', 'https://x.io/a?email=a%40b.c%2Cd', 'https://x.io/a?email=a@b.c,d'],
    ['lowercase escapes too', 'https://x.io/a?q=%3a%2f', 'https://x.io/a?q=:/'],
    ['other escapes stay as sent', 'https://x.io/a?q=a%20b%2Bc%26d', 'https://x.io/a?q=a%20b%2Bc%26d'],
  ])('%s', (_rule, url, signed) => {
    expect(toHubspotSignedUri(url)).toBe(signed);
  });

  it('sends the v3 headers by default and the v2 ones when asked', () => {
    expect(Object.keys(signHubspotRequest(vector)).sort()).toEqual([
      'x-hubspot-request-timestamp',
      'x-hubspot-signature-v3',
    ]);
    expect(signHubspotRequest({ ...vector, versions: ['v2'] })).toEqual({
      'x-hubspot-signature': hubspotSignatureV2(vector),
      'x-hubspot-signature-version': 'v2',
    });
  });
});
