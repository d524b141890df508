import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { licenses, products } from '../db/schema/index';
import { InvalidInputError } from '../errors/invalid-input-error';
import { NotFoundError } from '../errors/not-found-error';
import { recordActivity } from '../history/record-activity';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';
import { generateLicenseKey } from './generate-license-key';
import { isLicenseId } from './get-license';

/**
 * Replaces a license's key with a new random one (e.g. after the old key leaked); the license keeps
 * its id and everything else. Only license-key products have keys. Returns the new key.
 */
export async function reissueLicenseKey(options: {
  db: Db;
  workspaceId: string;
  licenseId: string;
}): Promise<string> {
  const { db, workspaceId, licenseId } = options;
  if (!isLicenseId(licenseId)) throw new NotFoundError(`license ${licenseId} not found`);
  return db.transaction(async (tx) => {
    const where = and(eq(licenses.workspaceId, workspaceId), eq(licenses.id, licenseId));
    const [current] = await tx
      .select({ authorizationMethod: products.authorizationMethod, licenseKey: licenses.licenseKey })
      .from(licenses)
      .innerJoin(products, eq(products.id, licenses.productId))
      .where(where)
      .for('update', { of: licenses });
    if (!current) throw new NotFoundError(`license ${licenseId} not found`);
    if (current.authorizationMethod !== 'license-key') {
      throw new InvalidInputError({
        license: 'belongs to a user-authorized product, which has no license key',
      });
    }
    const licenseKey = generateLicenseKey();
    await tx.update(licenses).set({ licenseKey, updatedAt: new Date() }).where(where);
    await enqueueSyncIntent(tx, workspaceId, 'license', [licenseId]);
    // The old key stays searchable: support finds the license from the key a customer still has.
    await recordActivity(tx, {
      workspaceId,
      kind: 'license.key_reissued',
      subjects: [`license:${licenseId}`, `license_key:${current.licenseKey}`, `license_key:${licenseKey}`],
      outcome: 'ok',
      message: 'license key reissued',
    });
    return licenseKey;
  });
}
