import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Whose page a customer link opens, and until when. */
export interface CustomerLinkClaims {
  workspaceId: string;
  customerId: string;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * The key customer links are signed with, derived from `ENCRYPTION_KEY` (HKDF, own label) so no
 * new secret has to be managed. A key rotation ends the links signed before it, as it should.
 */
export function customerLinkKey(encryptionKeyBase64: string): Buffer {
  const ikm = Buffer.from(encryptionKeyBase64, 'base64');
  return Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), 'licensync customer link v1', 32));
}

/** `<claims, base64url JSON>.<HMAC-SHA256, base64url>`: stateless, so the page needs no session store. */
export function signCustomerLink(claims: CustomerLinkClaims, key: Buffer): string {
  const body = Buffer.from(
    JSON.stringify({ w: claims.workspaceId, c: claims.customerId, e: claims.expiresAt }),
  ).toString('base64url');
  return `${body}.${mac(body, key)}`;
}

/** The claims of a link signed with `key` and not expired at `nowS`; null for anything else. */
export function verifyCustomerLink(token: string, key: Buffer, nowS: number): CustomerLinkClaims | null {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return null;
  const expected = Buffer.from(mac(body, key));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const p = parsed as { w?: unknown; c?: unknown; e?: unknown };
  if (typeof p.w !== 'string' || typeof p.c !== 'string' || typeof p.e !== 'number') return null;
  if (p.e <= nowS) return null;
  return { workspaceId: p.w, customerId: p.c, expiresAt: p.e };
}

const mac = (body: string, key: Buffer) => createHmac('sha256', key).update(body).digest('base64url');
