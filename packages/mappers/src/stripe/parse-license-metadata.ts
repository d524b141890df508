import type Stripe from 'stripe';
import { createMetadataReader, type MetadataReader } from './create-metadata-reader';
import type { Duration } from './duration';
import { expandedProduct } from './expanded-product';
import {
  type AuthorizationMethod,
  CUSTOM_FIELD_PREFIX,
  LICENSE_TYPES,
  type LicenseMetadata,
  type LicenseType,
} from './license-metadata';
import type { MetadataProblem } from './metadata-problem';
import { toBillingPeriodDuration } from './to-billing-period-duration';
import { toEffectiveMetadata } from './to-effective-metadata';

export interface ParseLicenseMetadataOptions {
  /** Fallback metadata; defaults to `price.product` when it is expanded. */
  product?: Stripe.Product;
  /** The product's authorization method; `undefined` (unknown) skips the user-only rules. */
  authorizationMethod?: AuthorizationMethod;
  /**
   * The custom fields the product has. When given, a `custom_field_{NAME}` naming none of them is
   * dropped and warned about (a likely typo); `undefined` (product unknown) keeps every override.
   */
  customFieldNames?: readonly string[];
}

/** `warnings` never refuse an order; `errors` do. */
export type ParseLicenseMetadataResult =
  | { ok: true; value: LicenseMetadata; warnings: MetadataProblem[] }
  | { ok: false; errors: MetadataProblem[]; warnings: MetadataProblem[] };

const RECURRING_LICENSE_TYPES: readonly LicenseType[] = ['subscription', 'consumption'];

/** Reads and checks a price's license attributes, collecting every broken rule rather than the first. */
export function parseLicenseMetadata(
  price: Stripe.Price,
  options: ParseLicenseMetadataOptions = {},
): ParseLicenseMetadataResult {
  const product = options.product ?? expandedProduct(price.product);
  const read = createMetadataReader({
    priceId: price.id,
    productId: product?.id ?? (typeof price.product === 'string' ? price.product : price.product.id),
    metadata: toEffectiveMetadata(price, product),
  });

  // An ignored price is not licensed at all, so its other attributes must not block anything.
  if (read.boolean('ignore_product_in_licensespring')) {
    return read.problems.length > 0
      ? { ok: false, errors: read.problems, warnings: read.warnings }
      : { ok: true, value: { ignored: true, priceId: price.id }, warnings: read.warnings };
  }
  const recurring = price.recurring !== null;

  const shortCode = read.string('short_code');
  if (shortCode === undefined || shortCode.trim() === '') {
    read.report('short_code', 'required', 'short_code is required (the product or bundle code)');
  }

  const value = {
    ignored: false as const,
    priceId: price.id,
    shortCode: shortCode ?? '',
    licensePolicy: read.string('license_policy'),
    licenseType: readLicenseType(read, recurring),
    recurring,
    validDuration: readValidDuration(read, price.recurring),
    maintenanceDuration: read.duration('maintenance_duration'),
    unpaidActiveLicensePeriod: read.duration('unpaid_active_license_period'),
    maxActivations: read.positiveInteger('max_activations'),
    floatingCloud: read.positiveInteger('floating_cloud'),
    enableMaintenanceDuration: read.optionalBoolean('enable_maintenance_duration'),
    maxLicenseUsers: read.positiveInteger('max_license_users'),
    assignCustomerAsUser: read.boolean('assign_customer_as_user'),
    isLicenseManager: read.boolean('is_license_manager'),
    addedDays: readAddedDays(read, recurring),
    customFields: readCustomFields(read, options.customFieldNames),
    isSingleLicense: read.boolean('is_single_license'),
    floatingUsersFromQuantity: read.boolean('floating_users_from_quantity'),
    isProductBundle: read.boolean('is_product_bundle'),
  };

  const { maxActivations, floatingCloud } = value;
  if (maxActivations !== undefined && floatingCloud !== undefined && floatingCloud > maxActivations) {
    read.report(
      'floating_cloud',
      'floating-cloud-within-max-activations',
      `floating_cloud (${floatingCloud}) must be ≤ max_activations (${maxActivations})`,
    );
  }
  if (options.authorizationMethod === 'license-key') {
    for (const key of ['max_license_users', 'assign_customer_as_user']) {
      const entry = read.entry(key);
      if (entry && entry.value !== 'false') {
        read.report(
          key,
          'user-authorization-only',
          `${key} is only allowed for products with user authorization`,
          entry,
        );
      }
    }
  }
  if (value.floatingUsersFromQuantity) {
    if (!value.isSingleLicense) {
      read.report(
        'floating_users_from_quantity',
        'requires-single-license',
        'floating_users_from_quantity requires is_single_license',
      );
    }
    if (!read.entry('floating_cloud')) {
      read.report(
        'floating_users_from_quantity',
        'requires-floating-cloud',
        'floating_users_from_quantity requires floating_cloud',
      );
    }
  }

  return read.problems.length > 0
    ? { ok: false, errors: read.problems, warnings: read.warnings }
    : { ok: true, value, warnings: read.warnings };
}

function readLicenseType(read: MetadataReader, recurring: boolean): LicenseType | undefined {
  const entry = read.entry('license_type');
  if (!entry) return undefined;
  const type = LICENSE_TYPES.find((known) => known === entry.value);
  if (!type)
    return read.refuse('license_type', entry, 'license-type', `must be one of ${LICENSE_TYPES.join(', ')}`);
  if (recurring && !RECURRING_LICENSE_TYPES.includes(type)) {
    return read.refuse(
      'license_type',
      entry,
      'recurring-license-type',
      'must be subscription or consumption on a recurring price',
    );
  }
  return type;
}

function readValidDuration(
  read: MetadataReader,
  recurring: Stripe.Price.Recurring | null,
): Duration | undefined {
  if (!recurring) return read.duration('valid_duration');
  // A valid_duration inherited from the product belongs to its one-off prices; only the price's own is a mistake.
  const entry = read.entry('valid_duration');
  if (entry?.from === 'price') {
    read.warn(
      'valid_duration',
      'duration-from-billing-period',
      'valid_duration is ignored on a recurring price (its billing period sets the duration)',
      entry,
    );
  }
  return toBillingPeriodDuration(recurring);
}

/** The documented scope: days added to a subscription interval, so a one-off price's are ignored. */
function readAddedDays(read: MetadataReader, recurring: boolean): number {
  const days = read.nonNegativeInteger('added_days') ?? 0;
  const entry = read.entry('added_days');
  if (entry && !recurring) {
    read.warn(
      'added_days',
      'recurring-only',
      'added_days is ignored on a one-off price (it extends subscription intervals only)',
      entry,
    );
    return 0;
  }
  return days;
}

/** Overrides of the product's own custom fields only: the reference never creates a field. */
function readCustomFields(
  read: MetadataReader,
  known: readonly string[] | undefined,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, entry] of read.entries()) {
    if (!key.startsWith(CUSTOM_FIELD_PREFIX)) continue;
    const name = key.slice(CUSTOM_FIELD_PREFIX.length);
    if (name === '') {
      read.report(key, 'custom-field-name', `${key} needs a field name after the prefix`, entry);
    } else if (known && !known.includes(name)) {
      const hint = known.length > 0 ? ` (it has: ${known.join(', ')})` : ' (it has none)';
      read.warn(
        key,
        'unknown-custom-field',
        `${key} names no custom field of the product${hint}, a likely typo; it is ignored`,
        entry,
      );
    } else fields[name] = entry.value;
  }
  return fields;
}
