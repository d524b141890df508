import type { licensePolicies, productCustomFields, productFeatures, products } from '../db/schema/index';

export type Product = typeof products.$inferSelect;
export type LicensePolicy = typeof licensePolicies.$inferSelect;

/** A product with everything provisioning and the admin API read about it. */
export interface CatalogProduct {
  product: Product;
  policies: LicensePolicy[];
  features: (typeof productFeatures.$inferSelect)[];
  customFields: (typeof productCustomFields.$inferSelect)[];
  /** Short codes of the member products when this is a bundle. */
  bundleMembers: string[];
}
