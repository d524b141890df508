import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { productCustomFields, productFeatures } from '../db/schema/index';
import type { CatalogProductInput } from './catalog-document';
import type { Product } from './catalog-product';
import { changedColumns } from './changed-columns';
import type { ImportTally } from './import-tally';

/** Upserts a product's features (by code) and custom fields (by name) from a catalog entry. */
export async function upsertProductParts(options: {
  tx: DbOrTx;
  product: Product;
  input: CatalogProductInput;
  tally: ImportTally;
}): Promise<void> {
  const { tx, product, input, tally } = options;
  const owner = { workspaceId: product.workspaceId, productId: product.id };
  for (const f of input.features) {
    const columns = { name: f.name, featureType: f.feature_type, maxConsumption: f.max_consumption ?? null };
    const [created] = await tx
      .insert(productFeatures)
      .values({ ...owner, code: f.code, ...columns })
      .onConflictDoNothing({ target: [productFeatures.productId, productFeatures.code] })
      .returning();
    if (created) {
      tally.created.features++;
      continue;
    }
    const where = and(eq(productFeatures.productId, product.id), eq(productFeatures.code, f.code));
    const [existing] = await tx.select().from(productFeatures).where(where);
    const changes = changedColumns(existing!, columns);
    if (Object.keys(changes).length === 0) continue;
    tally.updated.features++;
    await tx.update(productFeatures).set(changes).where(where);
  }
  for (const c of input.custom_fields) {
    const [created] = await tx
      .insert(productCustomFields)
      .values({ ...owner, name: c.name, defaultValue: c.default_value })
      .onConflictDoNothing({ target: [productCustomFields.productId, productCustomFields.name] })
      .returning();
    if (created) {
      tally.created.customFields++;
      continue;
    }
    const where = and(eq(productCustomFields.productId, product.id), eq(productCustomFields.name, c.name));
    const [existing] = await tx.select().from(productCustomFields).where(where);
    if (existing!.defaultValue === c.default_value) continue;
    tally.updated.customFields++;
    await tx.update(productCustomFields).set({ defaultValue: c.default_value }).where(where);
  }
}
