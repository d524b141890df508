import type { CatalogProduct } from '@licensync/core/catalog';
import type { LicenseDetails } from '@licensync/core/licenses';
import { consoleRecordUrl } from '@licensync/mappers';

/** Product and policy names by id, read once per answer, and the workspace the links open in. */
export interface CardCatalogNames {
  products: Map<string, CatalogProduct>;
  workspaceSlug: string;
}

/**
 * The console page of a license, naming its workspace: without `?workspace=` the console looks in
 * the workspace the operator last viewed, and another workspace's license is a 404 there.
 */
export const toLicenseLink = (publicUrl: string, workspaceSlug: string, licenseId: string) =>
  consoleRecordUrl({ publicUrl, workspaceSlug }, 'licenses', licenseId);

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A license as every card answer shows it (see docs/hubspot-cards-api.md). Pure. */
export function toCardLicenseJson(details: LicenseDetails, names: CardCatalogNames, publicUrl: string) {
  const l = details.license;
  const entry = names.products.get(l.productId);
  const policy = entry?.policies.find((p) => p.id === l.policyId);
  return {
    id: l.id,
    key: l.licenseKey,
    productId: l.productId,
    productName: entry?.product.name ?? details.productShortCode,
    productShortCode: details.productShortCode,
    policyId: l.policyId,
    policyName: policy?.name ?? details.policyCode,
    licenseType: l.licenseType,
    enabled: l.enabled,
    disabledReason: l.disabledReason,
    validUntil: iso(l.validUntil),
    maintenanceUntil: iso(l.maintenanceUntil),
    maxActivations: l.maxActivations,
    floatingCloud: l.floatingCloud,
    maxLicenseUsers: l.maxLicenseUsers,
    isTrial: l.isTrial,
    // A consumption license's own limits; null follows its policy.
    maxConsumptions: l.maxConsumptions,
    allowOverages: l.allowOverages,
    maxOverages: l.maxOverages,
    consumptionTotal: l.consumptionTotal,
    customerEmail: details.customer.email,
    createdAt: l.createdAt.toISOString(),
    link: toLicenseLink(publicUrl, names.workspaceSlug, l.id),
  };
}

/** The detail view adds features, custom fields and what the product could still grant. */
export function toCardLicenseDetailJson(details: LicenseDetails, names: CardCatalogNames, publicUrl: string) {
  const entry = names.products.get(details.license.productId);
  const featureName = new Map(entry?.features.map((f) => [f.code, f.name]));
  const has = new Set(details.features.map((f) => f.code));
  return {
    ...toCardLicenseJson(details, names, publicUrl),
    features: details.features.map((f) => ({
      code: f.code,
      name: featureName.get(f.code) ?? f.code,
      maxConsumption: f.maxConsumption,
    })),
    customFields: (entry?.customFields ?? []).map((f) => ({
      name: f.name,
      value: details.customFields[f.name] ?? null,
      defaultValue: f.defaultValue,
    })),
    availableFeatures: (entry?.features ?? [])
      .filter((f) => !has.has(f.code))
      .map((f) => ({ code: f.code, name: f.name })),
  };
}
