import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  licensePolicies,
  productBundleMembers,
  productCustomFields,
  productFeatures,
  products,
} from '../db/schema/index';
import type { CatalogProduct } from './catalog-product';

/**
 * The workspace's products sorted by short code, each with its policies, features, custom fields
 * and bundle members, sorted by code so admin output is stable. The one read of the catalog:
 * provisioning looks products up through `loadCatalog`, which calls this.
 */
export async function listProducts(options: {
  db: DbOrTx;
  workspaceId: string;
  /** Only these products; all when absent (an empty list means none). */
  shortCodes?: string[];
}): Promise<CatalogProduct[]> {
  const { db, workspaceId, shortCodes } = options;
  const rows = await db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), shortCodes && inArray(products.shortCode, shortCodes)))
    .orderBy(asc(products.shortCode));
  if (rows.length === 0) return [];
  const ids = rows.map((p) => p.id);
  // Sequential on purpose: inside a transaction every query shares one client, so parallel
  // queries would only queue behind each other (and pg warns about it).
  const policies = await db
    .select()
    .from(licensePolicies)
    .where(inArray(licensePolicies.productId, ids))
    .orderBy(asc(licensePolicies.code));
  const features = await db
    .select()
    .from(productFeatures)
    .where(inArray(productFeatures.productId, ids))
    .orderBy(asc(productFeatures.code));
  const customFields = await db
    .select()
    .from(productCustomFields)
    .where(inArray(productCustomFields.productId, ids))
    .orderBy(asc(productCustomFields.name));
  const members = await db
    .select({ bundleId: productBundleMembers.bundleProductId, shortCode: products.shortCode })
    .from(productBundleMembers)
    .innerJoin(products, eq(products.id, productBundleMembers.memberProductId))
    .where(inArray(productBundleMembers.bundleProductId, ids))
    .orderBy(asc(products.shortCode));
  return rows.map((product) => ({
    product,
    bundleMembers: members.filter((m) => m.bundleId === product.id).map((m) => m.shortCode),
    policies: policies.filter((p) => p.productId === product.id),
    features: features.filter((f) => f.productId === product.id),
    customFields: customFields.filter((c) => c.productId === product.id),
  }));
}
