import type { Duration } from './duration';

export const LICENSE_TYPES = ['perpetual', 'time-limited', 'subscription', 'consumption'] as const;
export type LicenseType = (typeof LICENSE_TYPES)[number];

/** How the licensed product authorizes: by license key or by user account. */
export type AuthorizationMethod = 'license-key' | 'user';

/** Metadata keys licensync reads; `custom_field_{NAME}` keys are matched by prefix. */
export const LICENSE_METADATA_KEYS = [
  'short_code',
  'license_policy',
  'license_type',
  'valid_duration',
  'maintenance_duration',
  'unpaid_active_license_period',
  'max_activations',
  'floating_cloud',
  'enable_maintenance_duration',
  'max_license_users',
  'assign_customer_as_user',
  'is_license_manager',
  'added_days',
  'ignore_product_in_licensespring',
  'is_single_license',
  'floating_users_from_quantity',
  'is_product_bundle',
] as const;

export const CUSTOM_FIELD_PREFIX = 'custom_field_';

/** A price marked `ignore_product_in_licensespring`: it yields no licenses. */
export interface IgnoredPriceMetadata {
  ignored: true;
  priceId: string;
}

/**
 * The license attributes of one price, price metadata overriding product metadata key by key.
 * An absent optional attribute means "take it from the license policy".
 */
export interface LicensedPriceMetadata {
  ignored: false;
  priceId: string;
  /** Product code, or bundle code when `isProductBundle`. */
  shortCode: string;
  licensePolicy?: string;
  /**
   * Absent = take it from the policy. On recurring prices only `subscription` or `consumption`;
   * an absent one there resolves to the policy's if that is `consumption`, else `subscription`.
   */
  licenseType?: LicenseType;
  /** The price bills on a schedule: validity follows its billing period. */
  recurring: boolean;
  /** On recurring prices this is the billing period, not the `valid_duration` attribute. */
  validDuration?: Duration;
  maintenanceDuration?: Duration;
  unpaidActiveLicensePeriod?: Duration;
  maxActivations?: number;
  floatingCloud?: number;
  /** `undefined` (no key) = as the policy says; `false` switches maintenance off even where the policy turns it on. */
  enableMaintenanceDuration?: boolean;
  maxLicenseUsers?: number;
  assignCustomerAsUser: boolean;
  isLicenseManager: boolean;
  /** Days added on top of the valid duration; 0 unless set on a recurring price (ignored on one-off). */
  addedDays: number;
  /** `custom_field_{NAME}` overrides, NAME → value. */
  customFields: Record<string, string>;
  isSingleLicense: boolean;
  floatingUsersFromQuantity: boolean;
  isProductBundle: boolean;
}

export type LicenseMetadata = IgnoredPriceMetadata | LicensedPriceMetadata;
