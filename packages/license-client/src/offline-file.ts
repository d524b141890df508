import { type KeyObject, verify } from 'node:crypto';
import type { LicenseState } from './types.js';
import { toPublicKey } from './verify-signature.js';

export const OFFLINE_FORMAT = 'licensync-offline-license/1';

/** What `POST /license/v1/offline` returns, to store on the offline machine. */
export interface OfflineLicenseFile {
  format: string;
  key_id: string;
  /** base64url of the UTF-8 JSON payload; the signature covers exactly these bytes. */
  payload: string;
  signature: string;
}

export interface OfflinePayload {
  license: LicenseState;
  activation_id: string;
  hardware_id: string;
  issued_at: string;
  /** Null for a license without an end. */
  expires_at: string | null;
}

export type OfflineVerdict =
  | { ok: true; payload: OfflinePayload }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'other_machine' | 'expired' | 'disabled' };

/**
 * Reads an offline license file with nothing but the public key: the signature must hold, the
 * file must be for this machine, enabled, and not past its expiry at `now`.
 */
export function verifyOfflineLicenseFile(
  file: unknown,
  publicKey: KeyObject | string,
  expect: { hardwareId: string; now?: Date },
): OfflineVerdict {
  const key = typeof publicKey === 'string' ? toPublicKey(publicKey) : publicKey;
  if (typeof file !== 'object' || file === null) return { ok: false, reason: 'malformed' };
  const { format, payload, signature } = file as Record<string, unknown>;
  if (format !== OFFLINE_FORMAT || typeof payload !== 'string' || typeof signature !== 'string') {
    return { ok: false, reason: 'malformed' };
  }
  const bytes = Buffer.from(payload, 'base64url');
  if (!verify(null, bytes, key, Buffer.from(signature, 'base64url')))
    return { ok: false, reason: 'bad_signature' };
  let parsed: OfflinePayload;
  try {
    parsed = JSON.parse(bytes.toString('utf8')) as OfflinePayload;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (parsed.hardware_id !== expect.hardwareId) return { ok: false, reason: 'other_machine' };
  if (!parsed.license?.enabled) return { ok: false, reason: 'disabled' };
  const now = expect.now ?? new Date();
  if (parsed.expires_at !== null && new Date(parsed.expires_at).getTime() <= now.getTime()) {
    return { ok: false, reason: 'expired' };
  }
  return { ok: true, payload: parsed };
}
