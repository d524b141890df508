/**
 * Why the license API refuses. Clients branch on these codes: add codes, never rename them.
 */
export const REFUSAL_REASONS = [
  /** No license with this key (or user and password) for this product; also a key of another product. */
  'invalid_credentials',
  /** The user's password is right, but none of their licenses is for this product. */
  'wrong_product',
  /** Disabled; `detail.disabled_reason` says why (refunded, operator, subscription_canceled …). */
  'license_disabled',
  /** A time-limited, subscription or consumption license past its `valid_until`. */
  'license_expired',
  /** The app version was released after the license's maintenance ended. */
  'maintenance_expired',
  /** Every activation (`max_activations`) is used by another machine. */
  'activations_exhausted',
  /** This machine has no activation of the license (check, offline). */
  'not_activated',
  /** A floating call on a license that is not floating (`floating_cloud` unset). */
  'not_floating',
  /** Every floating seat is leased by another machine. */
  'floating_seats_full',
  /** A heartbeat for a lease that has expired or was released: borrow again. */
  'lease_expired',
  /** A consumption call on a license that is not of type consumption. */
  'not_consumption',
  /** The amount would pass `max_consumptions` (plus `max_overages` when overages are allowed). */
  'consumption_exceeded',
  /** Managing users needs a license manager's credentials. */
  'not_license_manager',
  /** The license already has `max_license_users` users. */
  'license_users_full',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface LicenseRefusal {
  reason: RefusalReason;
  message: string;
  detail?: Record<string, unknown>;
}

/** Thrown by the license API's core functions; the route answers it with the refusal's status. */
export class LicenseRefusedError extends Error {
  override name = 'LicenseRefusedError';

  /** `license`: the license's state, when the caller proved it holds it (a check of a disabled license). */
  constructor(
    readonly refusal: LicenseRefusal,
    readonly license?: unknown,
  ) {
    super(refusal.message);
  }
}

export const refuse = (reason: RefusalReason, message: string, detail?: Record<string, unknown>): never => {
  throw new LicenseRefusedError({ reason, message, ...(detail && { detail }) });
};
