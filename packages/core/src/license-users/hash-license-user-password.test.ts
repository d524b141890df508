import { describe, expect, it } from 'vitest';
import { hashLicenseUserPassword, verifyLicenseUserPassword } from './hash-license-user-password';

describe('license user passwords (scrypt)', () => {
  it('verifies the password it hashed and no other, with a fresh salt each time', async () => {
    const hash = await hashLicenseUserPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(hash).not.toContain('correct horse');
    expect(await verifyLicenseUserPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyLicenseUserPassword('correct horse batterY', hash)).toBe(false);
    expect(await hashLicenseUserPassword('correct horse battery')).not.toBe(hash);
  });

  it.each([
    ['no hash yet', null],
    ['a malformed hash', 'scrypt$1$2'],
    ['another scheme', 'bcrypt$16384$8$1$AAAA$AAAA'],
  ])('refuses against %s', async (_case, stored) => {
    expect(await verifyLicenseUserPassword('anything at all', stored)).toBe(false);
  });
});
