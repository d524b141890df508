import type { DbOrTx } from '../db/client';
import { products } from '../db/schema/index';
import type { Product } from './catalog-product';

/** Inserts a product unless its short_code is taken in the workspace; undefined when it was. */
export async function insertProductIfNew(
  db: DbOrTx,
  workspaceId: string,
  input: {
    short_code: string;
    name: string;
    authorization_method: 'license-key' | 'user';
    is_bundle: boolean;
  },
): Promise<Product | undefined> {
  const [product] = await db
    .insert(products)
    .values({
      workspaceId,
      shortCode: input.short_code,
      name: input.name,
      authorizationMethod: input.authorization_method,
      isBundle: input.is_bundle,
    })
    .onConflictDoNothing({ target: [products.workspaceId, products.shortCode] })
    .returning();
  return product;
}
