import { eq } from 'drizzle-orm';
import { NotFoundError } from '../catalog/not-found-error';
import type { DbOrTx } from '../db/client';
import { licenses } from '../db/schema/index';
import { type LicenseDetails, selectLicenses, withLicenseDetails } from './license-details';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` can be a license id at all; anything else is unknown rather than a database error. */
export function isLicenseId(id: string): boolean {
  return UUID.test(id);
}

/** One license of the workspace with its details; `NotFoundError` when there is none. */
export async function getLicense(options: {
  db: DbOrTx;
  workspaceId: string;
  licenseId: string;
}): Promise<LicenseDetails> {
  const { db, workspaceId, licenseId } = options;
  if (!isLicenseId(licenseId)) throw new NotFoundError(`license ${licenseId} not found`);
  const rows = await selectLicenses(db, workspaceId, [eq(licenses.id, licenseId)]);
  const [details] = await withLicenseDetails(db, rows);
  if (!details) throw new NotFoundError(`license ${licenseId} not found`);
  return details;
}
