import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { productBundleMembers, products } from '../db/schema/index';
import { InvalidInputError } from '../errors/invalid-input-error';
import type { Product } from './catalog-product';

/**
 * Replaces a bundle's members with the products of these short codes. Members must exist in the
 * workspace and not be bundles themselves (a bundle of bundles would license products twice).
 * `field` is the path reported for a bad member. Returns whether the membership changed.
 */
export async function setBundleMembers(options: {
  tx: DbOrTx;
  bundle: Product;
  shortCodes: string[];
  field?: string;
}): Promise<boolean> {
  const { tx, bundle, shortCodes, field = 'bundle_members' } = options;
  const found = shortCodes.length
    ? await tx
        .select()
        .from(products)
        .where(and(eq(products.workspaceId, bundle.workspaceId), inArray(products.shortCode, shortCodes)))
    : [];
  const byCode = new Map(found.map((p) => [p.shortCode, p]));
  const problems: Record<string, string> = {};
  shortCodes.forEach((code, i) => {
    const member = byCode.get(code);
    if (!member) problems[`${field}[${i}]`] = `unknown product ${code}`;
    else if (member.id === bundle.id || member.isBundle) problems[`${field}[${i}]`] = `${code} is a bundle`;
  });
  if (Object.keys(problems).length > 0) throw new InvalidInputError(problems);

  const wanted = new Set(found.map((p) => p.id));
  const current = await tx
    .select({ memberProductId: productBundleMembers.memberProductId })
    .from(productBundleMembers)
    .where(eq(productBundleMembers.bundleProductId, bundle.id));
  const have = new Set(current.map((m) => m.memberProductId));
  const same = have.size === wanted.size && [...wanted].every((id) => have.has(id));
  if (same) return false;
  await tx.delete(productBundleMembers).where(eq(productBundleMembers.bundleProductId, bundle.id));
  await tx.insert(productBundleMembers).values(
    [...wanted].map((memberProductId) => ({
      workspaceId: bundle.workspaceId,
      bundleProductId: bundle.id,
      memberProductId,
    })),
  );
  return true;
}
