import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Marks a sealed value; anything without it is a legacy plaintext row waiting for `sealLegacySecrets`. */
export const SEALED_PREFIX = 'enc:v1:';

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

export interface SecretBox {
  /** AES-256-GCM with a fresh 96-bit IV, under the current key. */
  seal(plaintext: string): string;
  /** Opens a value sealed under the current key or any old key; throws when none fits or it was altered. */
  open(sealed: string): string;
  /** Whether `value` is sealed under the current key (false: legacy plaintext or an old key). */
  isCurrent(value: string): boolean;
}

/** The first 8 hex digits of the key's SHA-256: says which key sealed a value without revealing it. */
const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

function parseKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new SecretBoxError('an encryption key must be 32 bytes, base64-encoded');
  return key;
}

/**
 * Seals secrets at rest. Rotation: the new key goes in `key`, the previous ones in `oldKeys`; values
 * sealed under an old key still open, every new seal uses the new key, and `sealLegacySecrets`
 * re-seals the old rows so the old key can be dropped.
 * Format: `enc:v1:<key id>:<iv>:<auth tag>:<ciphertext>` (base64url parts).
 */
export function createSecretBox(opts: { key: string; oldKeys?: readonly string[] }): SecretBox {
  const current = parseKey(opts.key);
  const currentId = keyIdOf(current);
  const keys = new Map<string, Buffer>([[currentId, current]]);
  for (const old of opts.oldKeys ?? []) {
    const key = parseKey(old);
    if (!keys.has(keyIdOf(key))) keys.set(keyIdOf(key), key);
  }

  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
      return `${SEALED_PREFIX}${currentId}:${parts.join(':')}`;
    },
    open(sealed) {
      if (!sealed.startsWith(SEALED_PREFIX)) throw new SecretBoxError('value is not sealed');
      const [keyId, iv, tag, body] = sealed.slice(SEALED_PREFIX.length).split(':');
      const key = keyId ? keys.get(keyId) : undefined;
      if (!key || iv === undefined || tag === undefined || body === undefined) {
        throw new SecretBoxError(`no encryption key ${keyId ?? '?'} (set it in ENCRYPTION_KEYS_OLD)`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new SecretBoxError('sealed value was altered or the key is wrong');
      }
    },
    isCurrent(value) {
      return value.startsWith(`${SEALED_PREFIX}${currentId}:`);
    },
  };
}
