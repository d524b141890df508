import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licenses, products } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import type { License } from './create-licenses';
import { isLicenseId } from './get-license';

/**
 * One license of the workspace, locked for the rest of the caller's transaction, with its
 * product: every hand edit reads, checks and writes under this lock.
 */
export async function lockLicense(
  tx: DbOrTx,
  workspaceId: string,
  licenseId: string,
): Promise<{ license: License; product: typeof products.$inferSelect }> {
  if (!isLicenseId(licenseId)) throw new NotFoundError(`license ${licenseId} not found`);
  const [row] = await tx
    .select({ license: licenses, product: products })
    .from(licenses)
    .innerJoin(products, eq(products.id, licenses.productId))
    .where(and(eq(licenses.workspaceId, workspaceId), eq(licenses.id, licenseId)))
    .for('update', { of: licenses });
  if (!row) throw new NotFoundError(`license ${licenseId} not found`);
  return row;
}
