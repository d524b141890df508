import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { isUuid } from '../db/is-uuid';
import { licenses } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { type LicenseDetails, selectLicenses, withLicenseDetails } from './license-details';

/** Whether `id` can be a license id at all; anything else is unknown rather than a database error. */
export const isLicenseId = isUuid;

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
