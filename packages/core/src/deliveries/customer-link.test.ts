import { describe, expect, it } from 'vitest';
import { customerLinkKey, signCustomerLink, verifyCustomerLink } from './customer-link';

const key = customerLinkKey(Buffer.alloc(32, 7).toString('base64'));
const otherKey = customerLinkKey(Buffer.alloc(32, 8).toString('base64'));
const claims = { workspaceId: 'w1', customerId: 'c1', expiresAt: 1_000 };
const token = signCustomerLink(claims, key);
const [body, sig] = token.split('.') as [string, string];
const forgedBody = Buffer.from(JSON.stringify({ w: 'w1', c: 'c2', e: 1_000 })).toString('base64url');

describe('verifyCustomerLink', () => {
  it.each([
    ['a link before its expiry opens the page', token, key, 999, claims],
    ['an expired link opens nothing', token, key, 1_000, null],
    ['a link signed under another key opens nothing', token, otherKey, 1, null],
    ['another customer in the claims breaks the signature', `${forgedBody}.${sig}`, key, 1, null],
    ['a truncated signature is refused', `${body}.${sig.slice(0, 10)}`, key, 1, null],
    ['a third part is refused', `${token}.x`, key, 1, null],
    ['no signature is refused', body, key, 1, null],
    ['garbage is refused', 'not a token', key, 1, null],
  ])('%s', (_rule, t, k, now, expected) => {
    expect(verifyCustomerLink(t, k, now)).toEqual(expected);
  });
});
