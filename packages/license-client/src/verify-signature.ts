import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The response header with the Ed25519 signature over the body's exact bytes. */
export const SIGNATURE_HEADER = 'licensync-signature';

/** A pinned public key (SPKI PEM, as `GET /license/v1/products/:code/public-key` serves it). */
export function toPublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the license public key must be an Ed25519 key');
  return key;
}

/** `keyid=<id>, ed25519=<base64url>` → its parts; null when the header is not of that form. */
export function parseSignatureHeader(header: string | null): { keyId: string; signature: Buffer } | null {
  if (!header) return null;
  const parts = Object.fromEntries(
    header.split(',').map((p) => {
      const at = p.indexOf('=');
      return [p.slice(0, at).trim(), p.slice(at + 1).trim()];
    }),
  );
  if (!parts.keyid || !parts.ed25519) return null;
  return { keyId: parts.keyid, signature: Buffer.from(parts.ed25519, 'base64url') };
}

/** Whether `header` signs exactly `body` under `key`. */
export function signatureHolds(body: Uint8Array, header: string | null, key: KeyObject): boolean {
  const parsed = parseSignatureHeader(header);
  // An Ed25519 signature is 64 bytes; anything else is not one.
  if (parsed === null) return false;
  if (parsed.signature.length !== 64) return false;
  return verify(null, body, key, parsed.signature);
}
