import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readOfflineLicenseFile, toOfflineLicenseFile } from './offline-license-file';
import { keyIdOf } from './product-keyring';

const pair = generateKeyPairSync('ed25519');
const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const key = { keyId: keyIdOf(publicKeyPem), privateKey: pair.privateKey };
const payload = { license: { id: 'l1', enabled: true }, hardware_id: 'hw-1' };

describe('offline license files', () => {
  it('reads back what was signed, naming the key', () => {
    const file = toOfflineLicenseFile(payload, key);
    expect(file.key_id).toMatch(/^[0-9a-f]{16}$/);
    expect(readOfflineLicenseFile(file, publicKeyPem)).toEqual(payload);
  });

  it.each([
    [
      'a changed payload',
      (f: Record<string, string>) => ({
        ...f,
        payload: Buffer.from(JSON.stringify({ ...payload, hardware_id: 'hw-2' })).toString('base64url'),
      }),
    ],
    [
      'a changed signature',
      (f: Record<string, string>) => ({ ...f, signature: `A${f.signature!.slice(1)}` }),
    ],
    ['another format', (f: Record<string, string>) => ({ ...f, format: 'other/1' })],
    ['not an object', () => 'nope'],
  ])('refuses %s', (_case, tamper) => {
    const file = toOfflineLicenseFile(payload, key) as unknown as Record<string, string>;
    expect(readOfflineLicenseFile(tamper(file), publicKeyPem)).toBeNull();
  });

  it('refuses a file signed by another key', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const file = toOfflineLicenseFile(payload, { keyId: key.keyId, privateKey: other });
    expect(readOfflineLicenseFile(file, publicKeyPem)).toBeNull();
  });
});
