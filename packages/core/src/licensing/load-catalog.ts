import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  licensePolicies,
  productBundleMembers,
  productCustomFields,
  productFeatures,
  products,
} from '../db/schema/index';

export type Product = typeof products.$inferSelect;
export type LicensePolicy = typeof licensePolicies.$inferSelect;

export interface CatalogProduct {
  product: Product;
  policies: LicensePolicy[];
  features: (typeof productFeatures.$inferSelect)[];
  customFields: (typeof productCustomFields.$inferSelect)[];
  /** Short codes of the member products when this is a bundle. */
  bundleMembers: string[];
}

/** Products by short code with everything provisioning needs, in a handful of queries. */
export async function loadCatalog(
  db: DbOrTx,
  workspaceId: string,
  shortCodes: string[],
): Promise<Map<string, CatalogProduct>> {
  const catalog = new Map<string, CatalogProduct>();
  if (shortCodes.length === 0) return catalog;
  const rows = await db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), inArray(products.shortCode, [...new Set(shortCodes)])));
  if (rows.length === 0) return catalog;
  const ids = rows.map((p) => p.id);
  // Sequential on purpose: inside a transaction all queries share one client.
  const policies = await db.select().from(licensePolicies).where(inArray(licensePolicies.productId, ids));
  const features = await db.select().from(productFeatures).where(inArray(productFeatures.productId, ids));
  const fields = await db
    .select()
    .from(productCustomFields)
    .where(inArray(productCustomFields.productId, ids));
  const members = await db
    .select({ bundleId: productBundleMembers.bundleProductId, code: products.shortCode })
    .from(productBundleMembers)
    .innerJoin(products, eq(products.id, productBundleMembers.memberProductId))
    .where(inArray(productBundleMembers.bundleProductId, ids));
  for (const product of rows) {
    catalog.set(product.shortCode, {
      product,
      policies: policies.filter((p) => p.productId === product.id),
      features: features.filter((f) => f.productId === product.id),
      customFields: fields.filter((f) => f.productId === product.id),
      bundleMembers: members.filter((m) => m.bundleId === product.id).map((m) => m.code),
    });
  }
  return catalog;
}
