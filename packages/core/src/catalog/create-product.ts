import type { Db } from '../db/client';
import { ConflictError } from '../errors/conflict-error';
import type { Product } from './catalog-product';
import { insertProductIfNew } from './insert-product-if-new';
import type { ProductInput } from './product-input';
import { setBundleMembers } from './set-bundle-members';

/** Creates a product (and a bundle's member list) in one transaction; a taken short_code is a conflict. */
export async function createProduct(options: {
  db: Db;
  workspaceId: string;
  input: ProductInput;
}): Promise<Product> {
  const { db, workspaceId, input } = options;
  return db.transaction(async (tx) => {
    const product = await insertProductIfNew(tx, workspaceId, input);
    if (!product) throw new ConflictError('short_code', `product ${input.short_code} already exists`);
    if (input.is_bundle)
      await setBundleMembers({ tx, bundle: product, shortCodes: input.bundle_members ?? [] });
    return product;
  });
}
