import type { CatalogProduct } from '@licensync/core/catalog';
import type { LicenseDetails } from '@licensync/core/licenses';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A license as the deal card shows it: the card license shape of docs/hubspot-cards-api.md. Pure. */
export function toDealLicenseJson(
  details: LicenseDetails,
  products: Map<string, CatalogProduct>,
  publicUrl: string,
) {
  const l = details.license;
  const entry = products.get(l.productId);
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
    customerEmail: details.customer.email,
    createdAt: l.createdAt.toISOString(),
    link: `${publicUrl.replace(/\/+$/, '')}/console/licenses/${l.id}`,
  };
}
