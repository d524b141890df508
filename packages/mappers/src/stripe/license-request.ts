import type { Duration } from './duration';
import type { LicensedPriceMetadata, LicenseType } from './license-metadata';

/**
 * Warning: persisted in license natural keys — renaming a kind breaks idempotency of stored rows.
 * `order` is an order taken by hand through the ledger (admin API, HubSpot card, workflow).
 */
export type LicenseSourceKind = 'checkout_session' | 'invoice' | 'subscription' | 'order';

/** The Stripe object a line item belongs to. */
export interface LicenseSource {
  kind: LicenseSourceKind;
  id: string;
}

/** One license to create for one unit of a line item. */
export interface LicenseRequest {
  kind: 'license';
  /** `${source.kind}:${source.id}:${lineItemId}:${unitIndex}` — stable across redeliveries. */
  idempotencyKey: string;
  source: LicenseSource;
  lineItemId: string;
  unitIndex: number;
  shortCode: string;
  licensePolicy?: string;
  licenseType?: LicenseType;
  /** From a recurring price: the license follows its subscription. */
  recurring: boolean;
  startsAt: Date;
  validDuration?: Duration;
  /** `startsAt` + `validDuration` + `addedDays`; absent for perpetual licenses or an unknown duration. */
  validUntil?: Date;
  /** Already included in `validUntil` when that is set. */
  addedDays: number;
  maintenanceDuration?: Duration;
  /** Set only when `enable_maintenance_duration` is true and the duration is known. */
  maintenanceUntil?: Date;
  /** `undefined` = as the policy says. */
  enableMaintenanceDuration?: boolean;
  unpaidActiveLicensePeriod?: Duration;
  maxActivations?: number;
  maxLicenseUsers?: number;
  floatingCloud?: number;
  /** Maximum simultaneous users, set from the quantity by `floating_users_from_quantity`. */
  maxFloatingUsers?: number;
  assignCustomerAsUser: boolean;
  isLicenseManager: boolean;
  customFields: Record<string, string>;
}

/**
 * A bundle line item. The caller looks up the bundle's products and expands it by calling
 * `toLicenseRequests` once per product with `metadata: { ...metadata, shortCode: productCode,
 * isProductBundle: false }` and `lineItemId: `${lineItemId}:${productCode}``, so every license
 * keeps a distinct, stable idempotency key.
 */
export interface BundleRequest {
  kind: 'bundle';
  source: LicenseSource;
  lineItemId: string;
  quantity: number;
  metadata: LicensedPriceMetadata;
}
