import type { Db } from '../db/client';
import { productFeatures } from '../db/schema/index';
import { ConflictError } from '../errors/conflict-error';
import type { FeatureInput } from './feature-input';
import { lockProduct } from './lock-product';

export type Feature = typeof productFeatures.$inferSelect;

/** Adds a feature to a product; policies then grant it by code. */
export async function createFeature(options: {
  db: Db;
  workspaceId: string;
  shortCode: string;
  input: FeatureInput;
}): Promise<Feature> {
  const { db, workspaceId, shortCode, input } = options;
  return db.transaction(async (tx) => {
    const product = await lockProduct({ tx, workspaceId, shortCode });
    const [feature] = await tx
      .insert(productFeatures)
      .values({
        workspaceId,
        productId: product.id,
        code: input.code,
        name: input.name,
        featureType: input.feature_type,
        maxConsumption: input.max_consumption ?? null,
      })
      .onConflictDoNothing({ target: [productFeatures.productId, productFeatures.code] })
      .returning();
    if (!feature)
      throw new ConflictError('code', `feature ${input.code} of product ${shortCode} already exists`);
    return feature;
  });
}
