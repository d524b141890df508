import { type KeyObject, sign } from 'node:crypto';

/**
 * The response header carrying `key_id` and the Ed25519 signature (base64url) over the exact
 * bytes of the answer's body: `Licensync-Signature: keyid=<key id>, ed25519=<signature>`.
 */
export const SIGNATURE_HEADER = 'Licensync-Signature';

export function toSignatureHeader(body: Buffer, key: { keyId: string; privateKey: KeyObject }): string {
  return `keyid=${key.keyId}, ed25519=${sign(null, body, key.privateKey).toString('base64url')}`;
}
