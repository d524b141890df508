import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { productCustomFields, productFeatures } from '../db/schema/index';
import type { Product } from './catalog-product';
import type { PolicyProductContext } from './find-policy-problems';

/** What `findPolicyProblems` needs to know about a stored product. */
export async function loadPolicyContext(options: {
  tx: DbOrTx;
  product: Product;
}): Promise<PolicyProductContext> {
  const { tx, product } = options;
  // Sequential: `tx` is a transaction, one query at a time on its connection.
  const features = await tx
    .select({ code: productFeatures.code })
    .from(productFeatures)
    .where(eq(productFeatures.productId, product.id));
  const fields = await tx
    .select({ name: productCustomFields.name })
    .from(productCustomFields)
    .where(eq(productCustomFields.productId, product.id));
  return {
    authorizationMethod: product.authorizationMethod,
    featureCodes: new Set(features.map((f) => f.code)),
    customFieldNames: new Set(fields.map((f) => f.name)),
  };
}
