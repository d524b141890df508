import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, SecretBoxError } from './secret-box';

const newKey = () => randomBytes(32).toString('base64');

describe('createSecretBox', () => {
  const key = newKey();
  const box = createSecretBox({ key });

  it('seals to an opaque value with a fresh IV each time, and opens it again', () => {
    const a = box.seal('pat-na1-secret');
    const b = box.seal('pat-na1-secret');
    expect(a).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(a).not.toContain('pat-na1-secret');
    expect(a).not.toBe(b);
    expect(box.open(a)).toBe('pat-na1-secret');
    expect(box.isCurrent(a)).toBe(true);
  });

  it('refuses an altered value, another key, plaintext and a key that is not 32 bytes', () => {
    const sealed = box.seal('token');
    const parts = sealed.split(':');
    parts[5] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join(':'))).toThrow(SecretBoxError);
    expect(() => createSecretBox({ key: newKey() }).open(sealed)).toThrow(/no encryption key/);
    expect(() => box.open('token')).toThrow(/not sealed/);
    expect(() => createSecretBox({ key: randomBytes(16).toString('base64') })).toThrow(/32 bytes/);
  });

  it('rotation: the old key still opens, the new key seals', () => {
    const rotated = createSecretBox({ key: newKey(), oldKeys: [key] });
    const old = box.seal('refresh-token');
    expect(rotated.open(old)).toBe('refresh-token');
    expect(rotated.isCurrent(old)).toBe(false);
    const fresh = rotated.seal('refresh-token');
    expect(rotated.isCurrent(fresh)).toBe(true);
    expect(() => box.open(fresh)).toThrow(SecretBoxError);
  });
});
