import type { KeyObject } from 'node:crypto';
import { SIGNATURE_HEADER, toSignatureHeader } from '@licensync/core/license-signing';
import type { Response } from 'express';

/**
 * Answers `body` as JSON with the product key's Ed25519 signature over the exact bytes sent, so
 * an app can tell our answers from a forged server's. Sent with `res.end`, not `res.send`: an
 * answer that is never cached needs no ETag (a SHA-1 of every body, on the check's hot path).
 */
export function sendSigned(
  res: Response,
  status: number,
  body: unknown,
  key: { keyId: string; privateKey: KeyObject },
): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res
    .status(status)
    .set(SIGNATURE_HEADER, toSignatureHeader(bytes, key))
    .set('Cache-Control', 'no-store')
    .set('Content-Type', 'application/json')
    .set('Content-Length', String(bytes.length))
    .end(bytes);
}
