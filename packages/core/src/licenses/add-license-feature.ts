import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { licenseFeatures, productFeatures } from '../db/schema/index';
import { ConflictError } from '../errors/conflict-error';
import { UnprocessableError } from '../errors/unprocessable-error';
import { lockLicense } from './lock-license';
import { recordLicenseChange } from './record-license-change';

/**
 * Grants one of its product's features to a license, with the product's consumption limit
 * unless `maxConsumption` is given. A feature the product lacks is an `UnprocessableError`; one
 * the license has already is a `ConflictError`.
 */
export async function addLicenseFeature(options: {
  db: Db;
  workspaceId: string;
  licenseId: string;
  code: string;
  maxConsumption?: number | null;
  actor: string;
}): Promise<void> {
  const { db, workspaceId, licenseId, code, actor } = options;
  await db.transaction(async (tx) => {
    const { license, product } = await lockLicense(tx, workspaceId, licenseId);
    const [feature] = await tx
      .select()
      .from(productFeatures)
      .where(and(eq(productFeatures.productId, product.id), eq(productFeatures.code, code)));
    if (!feature) {
      throw new UnprocessableError('code', `"${code}" is not a feature of product "${product.shortCode}"`);
    }
    const maxConsumption =
      options.maxConsumption === undefined ? feature.maxConsumption : options.maxConsumption;
    const [added] = await tx
      .insert(licenseFeatures)
      .values({ workspaceId, licenseId, code, maxConsumption })
      .onConflictDoNothing()
      .returning();
    if (!added) throw new ConflictError('code', `license ${licenseId} already has feature "${code}"`);
    await recordLicenseChange(tx, {
      license,
      kind: 'license.feature_added',
      message: `added feature ${code}`,
      actor,
      detail: { code, max_consumption: maxConsumption },
    });
  });
}
