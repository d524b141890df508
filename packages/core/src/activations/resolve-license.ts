import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { licenses, licenseUsers } from '../db/schema/index';
import { verifyLicenseUserPassword } from '../license-users/hash-license-user-password';
import { refuse } from './license-refusal';
import { type LicenseRow, readLicenseRow } from './read-license-state';

/** How an app proves it holds a license: its key, or (user products) a license user's login. */
export type LicenseCredentials = { licenseKey: string } | { email: string; password: string };

export interface ResolvedLicense {
  row: LicenseRow;
  /** The license user who signed in; null for a key. */
  userEmail: string | null;
}

const INVALID = 'no license of this product matches these credentials';

/**
 * The license the credentials open for this product, read with its state for `hardwareId`.
 * An unknown key and a key of another product are refused alike, after the same single query,
 * so answers and timings do not tell which keys exist. A user sign-in costs one scrypt whether
 * or not the email is known; only a right password learns `wrong_product`.
 */
export async function resolveLicense(
  db: Db,
  input: {
    workspaceId: string;
    productId: string;
    credentials: LicenseCredentials;
    hardwareId: string | null;
    appVersion?: string | null;
    now: Date;
  },
): Promise<ResolvedLicense> {
  const { workspaceId, credentials } = input;
  if ('licenseKey' in credentials) {
    const row = await readLicenseRow(db, { ...input, by: { licenseKey: credentials.licenseKey } });
    if (!row || row.license.productId !== input.productId) return refuse('invalid_credentials', INVALID);
    return { row, userEmail: null };
  }
  const email = credentials.email.trim().toLowerCase();
  const memberships = await db
    .select({
      licenseId: licenseUsers.licenseId,
      passwordHash: licenseUsers.passwordHash,
      productId: licenses.productId,
    })
    .from(licenseUsers)
    .innerJoin(licenses, eq(licenses.id, licenseUsers.licenseId))
    .where(and(eq(licenseUsers.workspaceId, workspaceId), eq(licenseUsers.email, email)))
    .orderBy(licenses.createdAt)
    .limit(20);
  const forProduct = memberships.filter((m) => m.productId === input.productId);
  // One scrypt per attempt whatever is found; a user on several licenses of the product gets the
  // first whose password matches (each license user row has its own password).
  const candidates = forProduct.length > 0 ? forProduct.slice(0, 5) : memberships.slice(0, 1);
  let matched: string | null = null;
  if (candidates.length === 0) await verifyLicenseUserPassword(credentials.password, null);
  for (const c of candidates) {
    if (await verifyLicenseUserPassword(credentials.password, c.passwordHash)) {
      matched = c.licenseId;
      break;
    }
  }
  if (matched === null) return refuse('invalid_credentials', INVALID);
  if (forProduct.length === 0) {
    return refuse('wrong_product', 'this user has no license of this product');
  }
  const row = await readLicenseRow(db, { ...input, by: { licenseId: matched } });
  if (!row) return refuse('invalid_credentials', INVALID);
  return { row, userEmail: email };
}
