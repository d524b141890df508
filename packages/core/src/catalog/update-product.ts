import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { products } from '../db/schema/index';
import { InvalidInputError } from '../errors/invalid-input-error';
import type { Product } from './catalog-product';
import { lockProduct } from './lock-product';
import type { ProductPatch } from './product-input';
import { setBundleMembers } from './set-bundle-members';

/** Renames a product and/or replaces a bundle's members. */
export async function updateProduct(options: {
  db: Db;
  workspaceId: string;
  shortCode: string;
  patch: ProductPatch;
}): Promise<Product> {
  const { db, workspaceId, shortCode, patch } = options;
  return db.transaction(async (tx) => {
    const product = await lockProduct({ tx, workspaceId, shortCode });
    if (patch.bundle_members !== undefined) {
      if (!product.isBundle) throw new InvalidInputError({ bundle_members: 'only allowed on bundles' });
      await setBundleMembers({ tx, bundle: product, shortCodes: patch.bundle_members });
    }
    const [updated] = await tx
      .update(products)
      .set({ ...(patch.name !== undefined && { name: patch.name }), updatedAt: new Date() })
      .where(eq(products.id, product.id))
      .returning();
    return updated!;
  });
}
