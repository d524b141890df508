import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { products } from '../db/schema/index';
import type { CatalogProductInput } from './catalog-document';
import type { Product } from './catalog-product';
import { changedColumns } from './changed-columns';
import { insertProductIfNew } from './insert-product-if-new';

export interface UpsertedProduct {
  product: Product;
  outcome: 'created' | 'updated' | 'unchanged';
}

/**
 * Creates the product or renames it, and locks its row for the rest of the import. Problems are
 * added to `problems` under `field`: authorization_method and is_bundle of an existing product are
 * fixed for the same reasons PATCH refuses them.
 */
export async function upsertCatalogProduct(options: {
  tx: DbOrTx;
  workspaceId: string;
  input: CatalogProductInput;
  field: string;
  problems: Record<string, string>;
}): Promise<UpsertedProduct> {
  const { tx, workspaceId, input, field, problems } = options;
  const created = await insertProductIfNew(tx, workspaceId, input);
  if (created) return { product: created, outcome: 'created' };
  const [existing] = await tx
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.shortCode, input.short_code)))
    .for('update');
  if (existing!.authorizationMethod !== input.authorization_method) {
    problems[`${field}.authorization_method`] =
      `cannot change an existing product's (${existing!.authorizationMethod})`;
  }
  if (existing!.isBundle !== input.is_bundle) {
    problems[`${field}.is_bundle`] = `cannot change an existing product's (${existing!.isBundle})`;
  }
  const changes = changedColumns(existing!, { name: input.name });
  if (Object.keys(changes).length === 0) return { product: existing!, outcome: 'unchanged' };
  const [updated] = await tx
    .update(products)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(products.id, existing!.id))
    .returning();
  return { product: updated!, outcome: 'updated' };
}
