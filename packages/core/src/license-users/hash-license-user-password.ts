import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N=2^14, r=8, p=1 (the OWASP minimum) keeps a hash near 50 ms and 16 MiB. */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const MAX_PASSWORD_LENGTH = 1024;

function scryptAsync(
  password: string,
  salt: Buffer,
  length: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$<salt>$<hash>` (base64url), so the cost can rise without breaking stored hashes. */
export async function hashLicenseUserPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_LENGTH, PARAMS);
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

/** A hash of no one's password: verifying against it costs what a real check costs. */
const DUMMY_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;

/**
 * Whether `password` matches `stored`. A missing hash (unknown user, no password yet) still runs
 * one scrypt, so the answer takes as long whether or not the user exists.
 */
export async function verifyLicenseUserPassword(
  password: string,
  stored: string | null | undefined,
): Promise<boolean> {
  const parts = (stored ?? DUMMY_HASH).split('$');
  const [scheme, n, r, p, saltPart, hashPart] = parts;
  const usable =
    stored != null && parts.length === 6 && scheme === 'scrypt' && password.length <= MAX_PASSWORD_LENGTH;
  const [salt, expected, options] =
    usable && saltPart && hashPart
      ? [
          Buffer.from(saltPart, 'base64url'),
          Buffer.from(hashPart, 'base64url'),
          { N: Number(n), r: Number(r), p: Number(p) },
        ]
      : [Buffer.alloc(16), Buffer.alloc(KEY_LENGTH), PARAMS];
  const actual = await scryptAsync(
    password.slice(0, MAX_PASSWORD_LENGTH),
    salt,
    expected.length || KEY_LENGTH,
    options,
  );
  return usable && actual.length === expected.length && timingSafeEqual(actual, expected);
}
