import { addDuration, type LicenseRequest, type LicenseType, parseDuration } from '@licensync/mappers';
import type { CatalogProduct } from '../catalog/catalog-product';
import { PermanentError } from '../errors/permanent-error';
import type { LicenseDraft } from '../licenses/create-licenses';

export interface StripeRefs {
  stripeCheckoutSessionId?: string | null;
  stripeInvoiceId?: string | null;
  stripeSubscriptionId?: string | null;
  stripeSubscriptionItemId?: string | null;
  stripePaymentIntentId?: string | null;
  stripePriceId?: string | null;
}

/**
 * Merges one license request (from price metadata) with its product's policy: metadata wins,
 * the policy fills the rest. Custom fields: product defaults ← policy values ← metadata overrides.
 */
export function toLicenseDraft(input: {
  request: LicenseRequest;
  catalog: CatalogProduct;
  priceId: string;
  customerEmail: string;
  refs: StripeRefs;
  bundleSourceKey?: string;
}): LicenseDraft {
  const { request, catalog, priceId } = input;
  const { product } = catalog;
  const policy = request.licensePolicy
    ? catalog.policies.find((p) => p.code === request.licensePolicy)
    : (catalog.policies.find((p) => p.isDefault) ??
      (catalog.policies.length === 1 ? catalog.policies[0] : undefined));
  if (request.licensePolicy && !policy) {
    throw new PermanentError(
      `price ${priceId}: license_policy "${request.licensePolicy}" is not a policy of product "${product.shortCode}"`,
    );
  }
  const licenseType = resolveLicenseType(request, policy?.licenseType);
  const policyDuration = policy?.validDuration ? parseDuration(policy.validDuration) : undefined;
  if (licenseType === 'time-limited' && !request.validDuration && !policyDuration) {
    throw new PermanentError(
      `price ${priceId}: license_type time-limited needs a valid_duration on the price, its product or policy "${policy?.code ?? '(none)'}"`,
    );
  }
  const validUntil =
    licenseType === 'perpetual'
      ? null
      : (request.validUntil ??
        (policyDuration ? addDays(addDuration(request.startsAt, policyDuration), request.addedDays) : null));
  const maintenanceDuration =
    request.maintenanceDuration ??
    (policy?.maintenanceDuration ? parseDuration(policy.maintenanceDuration) : undefined);
  // The price's "false" switches maintenance off even where the policy turns it on; no key defers to the policy.
  const maintenanceOn = request.enableMaintenanceDuration ?? Boolean(policy?.maintenanceEnabled);
  const isUserProduct = product.authorizationMethod === 'user';
  const maxActivations = request.maxActivations ?? policy?.maxActivations ?? 1;
  const floatingCloud = request.maxFloatingUsers ?? request.floatingCloud ?? policy?.floatingCloud ?? null;
  // A quantity-sized floating count (floating_users_from_quantity) is checked by the mapper's rules.
  if (request.maxFloatingUsers === undefined && floatingCloud !== null && floatingCloud > maxActivations) {
    const from = request.floatingCloud !== undefined ? 'the price' : `policy "${policy?.code ?? '(none)'}"`;
    throw new PermanentError(
      `price ${priceId}: floating_cloud (${floatingCloud}, from ${from}) must be ≤ max_activations (${maxActivations})`,
    );
  }
  const featureCodes = new Set(policy?.features ?? []);

  return {
    sourceKey: request.idempotencyKey,
    unitIndex: request.unitIndex,
    productId: product.id,
    policyId: policy?.id ?? null,
    licenseType,
    isTrial: policy?.isTrial ?? false,
    validUntil,
    maintenanceUntil:
      maintenanceOn && maintenanceDuration ? addDuration(request.startsAt, maintenanceDuration) : null,
    maxActivations,
    floatingCloud,
    maxLicenseUsers: isUserProduct ? (request.maxLicenseUsers ?? policy?.maxLicenseUsers ?? 1) : null,
    // The reference makes the customer the manager of a user license by default
    // (`is_license_manager` exists for license-key products, where it is not).
    isLicenseManager: request.isLicenseManager || isUserProduct,
    consumptionResetAt: licenseType === 'consumption' ? request.startsAt : null,
    withKey: !isUserProduct,
    features: catalog.features
      .filter((f) => featureCodes.has(f.code))
      .map((f) => ({ code: f.code, maxConsumption: f.maxConsumption })),
    customFields: customFieldsOf(catalog, policy?.customFieldValues ?? {}, request.customFields),
    // A manager signs in as a license user here (there is no separate customer portal login),
    // so the buyer of a user license is always its first user, marked manager: their mail then
    // carries the password link, and they add the other users. `assign_customer_as_user` is
    // implied. Emails are stored lower-case, as sign-in looks them up.
    users: isUserProduct ? [{ email: input.customerEmail.trim().toLowerCase(), isManager: true }] : [],
    ...(input.bundleSourceKey && { bundleSourceKey: input.bundleSourceKey }),
    ...input.refs,
    stripePriceId: priceId,
  };
}

/**
 * Metadata wins. A recurring price's license follows its subscription: `consumption` when the
 * policy meters usage, else `subscription`, whatever else the policy says. A one-off price takes
 * the policy's type, perpetual without one.
 */
function resolveLicenseType(request: LicenseRequest, policyType: LicenseType | undefined): LicenseType {
  if (request.licenseType) return request.licenseType;
  if (request.recurring) return policyType === 'consumption' ? 'consumption' : 'subscription';
  return policyType ?? 'perpetual';
}

/**
 * Product defaults ← policy values ← price overrides. A price overrides only a field the product
 * has: an override naming none (a typo the price lint reports) creates nothing.
 */
function customFieldsOf(
  catalog: CatalogProduct,
  policyValues: Record<string, string>,
  overrides: Record<string, string>,
): Record<string, string> {
  const fields = Object.fromEntries(catalog.customFields.map((f) => [f.name, f.defaultValue]));
  Object.assign(fields, policyValues);
  for (const field of catalog.customFields) {
    const value = overrides[field.name];
    if (value !== undefined) fields[field.name] = value;
  }
  return fields;
}

function addDays(date: Date, days: number): Date {
  return days === 0 ? date : new Date(date.getTime() + days * 86_400_000);
}
