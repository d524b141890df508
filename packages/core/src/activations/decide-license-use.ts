import type { LicenseType } from '../db/schema/index';
import type { LicenseRefusal } from './license-refusal';

export interface LicenseUseFacts {
  enabled: boolean;
  disabledReason: string | null;
  licenseType: LicenseType;
  validUntil: Date | null;
  maintenanceUntil: Date | null;
}

/**
 * Whether a license may be used right now by an app released at `appReleasedAt` (null when the
 * release date is not known, see `resolveAppReleaseDate`). Pure. Order matters: a disabled
 * license says so even when it has also expired, because the reason is what the user can act on.
 */
export function decideLicenseUse(
  license: LicenseUseFacts,
  input: { now: Date; appReleasedAt: Date | null },
): LicenseRefusal | null {
  if (!license.enabled) {
    const reason = license.disabledReason ?? 'operator';
    return {
      reason: 'license_disabled',
      message: `the license is disabled (${reason})`,
      detail: { disabled_reason: reason },
    };
  }
  // A perpetual license never ends; every other type stops at valid_until.
  if (license.licenseType !== 'perpetual' && license.validUntil && license.validUntil <= input.now) {
    return {
      reason: 'license_expired',
      message: `the license expired on ${license.validUntil.toISOString()}`,
      detail: { valid_until: license.validUntil.toISOString() },
    };
  }
  if (license.maintenanceUntil && input.appReleasedAt && input.appReleasedAt > license.maintenanceUntil) {
    return {
      reason: 'maintenance_expired',
      message: `this version was released on ${input.appReleasedAt.toISOString()}, after maintenance ended on ${license.maintenanceUntil.toISOString()}`,
      detail: {
        maintenance_until: license.maintenanceUntil.toISOString(),
        app_released_at: input.appReleasedAt.toISOString(),
      },
    };
  }
  return null;
}
