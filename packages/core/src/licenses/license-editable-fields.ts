import type { LicenseType } from '../db/schema/index';

/** A license field an operator may change, by its admin API (snake_case) name. */
export type LicenseField =
  | 'valid_until'
  | 'maintenance_until'
  | 'max_activations'
  | 'floating_cloud'
  | 'max_license_users'
  | 'is_trial'
  | 'max_consumptions'
  | 'allow_overages'
  | 'max_overages';

/** A consumption license's own limits (null = its policy's); no other type consumes. */
const CONSUMPTION: LicenseField[] = ['max_consumptions', 'allow_overages', 'max_overages'];

const ANY_TYPE: LicenseField[] = [
  'maintenance_until',
  'max_activations',
  'floating_cloud',
  'max_license_users',
  'is_trial',
];

/**
 * What each license type lets an operator change. Only a time-limited license has a validity of
 * its own: a perpetual one never ends, and a subscription or consumption license follows its
 * Stripe subscription, whose next renewal would overwrite a hand-set date.
 */
export const EDITABLE_LICENSE_FIELDS: Record<LicenseType, readonly LicenseField[]> = {
  perpetual: ANY_TYPE,
  'time-limited': ['valid_until', ...ANY_TYPE],
  subscription: ANY_TYPE,
  consumption: [...ANY_TYPE, ...CONSUMPTION],
};

/**
 * The fields one license may change: its type's, less `max_license_users` on a license-key
 * product (only user-authorized products have license users). Pure.
 */
export function editableLicenseFields(
  licenseType: LicenseType,
  authorizationMethod: string,
): readonly LicenseField[] {
  return EDITABLE_LICENSE_FIELDS[licenseType].filter(
    (f) => f !== 'max_license_users' || authorizationMethod === 'user',
  );
}
