import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { licenseFeatures } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { lockLicense } from './lock-license';
import { recordLicenseChange } from './record-license-change';

/** Takes a feature off a license; `NotFoundError` when the license does not have it. */
export async function removeLicenseFeature(options: {
  db: Db;
  workspaceId: string;
  licenseId: string;
  code: string;
  actor: string;
}): Promise<void> {
  const { db, workspaceId, licenseId, code, actor } = options;
  await db.transaction(async (tx) => {
    const { license } = await lockLicense(tx, workspaceId, licenseId);
    const removed = await tx
      .delete(licenseFeatures)
      .where(and(eq(licenseFeatures.licenseId, license.id), eq(licenseFeatures.code, code)))
      .returning();
    if (removed.length === 0) throw new NotFoundError(`license ${licenseId} has no feature "${code}"`);
    await recordLicenseChange(tx, {
      license,
      kind: 'license.feature_removed',
      message: `removed feature ${code}`,
      actor,
      detail: { code },
    });
  });
}
