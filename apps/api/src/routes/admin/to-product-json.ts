import type { CatalogProduct } from '@licensync/core/catalog';
import { toCustomFieldJson, toFeatureJson, toPolicyJson } from './to-product-parts-json';

/** A product with its policies, features and custom fields, as the admin API answers it. */
export function toProductJson({ product, bundleMembers, policies, features, customFields }: CatalogProduct) {
  return {
    id: product.id,
    short_code: product.shortCode,
    name: product.name,
    authorization_method: product.authorizationMethod,
    is_bundle: product.isBundle,
    bundle_members: bundleMembers,
    policies: policies.map(toPolicyJson),
    features: features.map(toFeatureJson),
    custom_fields: customFields.map(toCustomFieldJson),
    created_at: product.createdAt.toISOString(),
    updated_at: product.updatedAt.toISOString(),
  };
}
