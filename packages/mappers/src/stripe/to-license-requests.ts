import { addDuration } from './add-duration';
import type { Duration } from './duration';
import type { AuthorizationMethod, LicensedPriceMetadata, LicenseMetadata } from './license-metadata';
import type { BundleRequest, LicenseRequest, LicenseSource } from './license-request';
import { toSourceKey } from './to-source-key';

export interface ToLicenseRequestsInput {
  metadata: LicenseMetadata;
  /** Units bought on the line item; 0 yields nothing. */
  quantity: number;
  lineItemId: string;
  source: LicenseSource;
  /** Decides whether a single license's quantity becomes activations or users. */
  authorizationMethod: AuthorizationMethod;
  /** Overrides the valid duration of subscription licenses (defaults to the price's billing period). */
  billingPeriod?: Duration;
  /** Start of validity: the event or service-period start, never the wall clock. */
  now: Date;
}

/**
 * The licenses one line item asks for: one per unit, or a single license sized by the quantity
 * when `is_single_license`; a bundle becomes one `BundleRequest`; an ignored price yields nothing.
 */
export function toLicenseRequests(input: ToLicenseRequestsInput): Array<LicenseRequest | BundleRequest> {
  const { metadata, quantity, lineItemId, source } = input;
  if (!Number.isInteger(quantity) || quantity < 0) {
    throw new RangeError(`line item ${lineItemId}: quantity must be a non-negative integer, got ${quantity}`);
  }
  if (metadata.ignored || quantity === 0) return [];
  if (metadata.isProductBundle) return [{ kind: 'bundle', source, lineItemId, quantity, metadata }];

  const base = toBaseRequest(metadata, input);
  if (!metadata.isSingleLicense) {
    return Array.from({ length: quantity }, (_, unitIndex) => withUnit(base, input, unitIndex));
  }
  const sized: LicenseRequest = {
    ...withUnit(base, input, 0),
    ...(input.authorizationMethod === 'user' ? { maxLicenseUsers: quantity } : { maxActivations: quantity }),
    maxFloatingUsers: metadata.floatingUsersFromQuantity ? quantity : undefined,
  };
  return [sized];
}

type BaseRequest = Omit<LicenseRequest, 'idempotencyKey' | 'unitIndex'>;

function toBaseRequest(metadata: LicensedPriceMetadata, input: ToLicenseRequestsInput): BaseRequest {
  const { now } = input;
  const validDuration =
    metadata.recurring || metadata.licenseType === 'subscription'
      ? (input.billingPeriod ?? metadata.validDuration)
      : metadata.validDuration;
  return {
    kind: 'license',
    source: input.source,
    lineItemId: input.lineItemId,
    shortCode: metadata.shortCode,
    licensePolicy: metadata.licensePolicy,
    licenseType: metadata.licenseType,
    recurring: metadata.recurring,
    startsAt: now,
    validDuration,
    validUntil: toValidUntil(now, metadata, validDuration),
    addedDays: metadata.addedDays,
    maintenanceDuration: metadata.maintenanceDuration,
    maintenanceUntil:
      metadata.enableMaintenanceDuration && metadata.maintenanceDuration
        ? addDuration(now, metadata.maintenanceDuration)
        : undefined,
    enableMaintenanceDuration: metadata.enableMaintenanceDuration,
    unpaidActiveLicensePeriod: metadata.unpaidActiveLicensePeriod,
    maxActivations: metadata.maxActivations,
    maxLicenseUsers: metadata.maxLicenseUsers,
    floatingCloud: metadata.floatingCloud,
    assignCustomerAsUser: metadata.assignCustomerAsUser,
    isLicenseManager: metadata.isLicenseManager,
    customFields: metadata.customFields,
  };
}

function toValidUntil(now: Date, metadata: LicensedPriceMetadata, duration?: Duration): Date | undefined {
  if (metadata.licenseType === 'perpetual' || !duration) return undefined;
  return addDuration(addDuration(now, duration), { count: metadata.addedDays, unit: 'd' });
}

function withUnit(base: BaseRequest, input: ToLicenseRequestsInput, unitIndex: number): LicenseRequest {
  const { source, lineItemId } = input;
  return { ...base, unitIndex, idempotencyKey: toSourceKey(source, lineItemId, unitIndex) };
}
