import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/** The format name inside every offline license file; a new layout gets a new name. */
export const OFFLINE_FORMAT = 'licensync-offline-license/1';

/**
 * An offline license file: `payload` is the base64url of a UTF-8 JSON document, `signature` the
 * base64url Ed25519 signature of exactly those payload bytes. Verifying needs nothing but
 * node:crypto (or any Ed25519 library) and the product's public key.
 */
export interface OfflineLicenseFile {
  format: typeof OFFLINE_FORMAT;
  key_id: string;
  payload: string;
  signature: string;
}

export function toOfflineLicenseFile(
  payload: unknown,
  key: { keyId: string; privateKey: KeyObject },
): OfflineLicenseFile {
  const bytes = Buffer.from(JSON.stringify(payload), 'utf8');
  return {
    format: OFFLINE_FORMAT,
    key_id: key.keyId,
    payload: bytes.toString('base64url'),
    signature: sign(null, bytes, key.privateKey).toString('base64url'),
  };
}

/** The file's payload when its signature holds under `publicKeyPem`; null for anything else. */
export function readOfflineLicenseFile(file: unknown, publicKeyPem: string): unknown | null {
  if (typeof file !== 'object' || file === null) return null;
  const { format, payload, signature } = file as Record<string, unknown>;
  if (format !== OFFLINE_FORMAT || typeof payload !== 'string' || typeof signature !== 'string') return null;
  const bytes = Buffer.from(payload, 'base64url');
  if (!verify(null, bytes, createPublicKey(publicKeyPem), Buffer.from(signature, 'base64url'))) return null;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}
