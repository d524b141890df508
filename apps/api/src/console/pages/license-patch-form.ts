import type { LicenseField, LicenseRow } from '@licensync/core/licenses';

/** A license's editable fields as the edit form shows them (dates as `YYYY-MM-DD`, UTC). */
export function toLicenseFormValues(license: LicenseRow): Record<LicenseField, string> {
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
  const num = (n: number | null) => (n === null ? '' : String(n));
  return {
    valid_until: day(license.validUntil),
    maintenance_until: day(license.maintenanceUntil),
    max_activations: num(license.maxActivations),
    floating_cloud: num(license.floatingCloud),
    max_license_users: num(license.maxLicenseUsers),
    is_trial: String(license.isTrial),
    max_consumptions: num(license.maxConsumptions),
    // Unset follows the policy; the form shows (and a checkbox posts) the stored choice only.
    allow_overages: String(license.allowOverages ?? false),
    max_overages: num(license.maxOverages),
  };
}

const DATES = new Set<LicenseField>(['valid_until', 'maintenance_until']);
const NULLABLE = new Set<LicenseField>([
  'valid_until',
  'maintenance_until',
  'floating_cloud',
  'max_license_users',
  'max_consumptions',
  'max_overages',
]);
const BOOLEANS = new Set<LicenseField>(['is_trial', 'allow_overages']);

/**
 * The edit form → a `PATCH /api/v1/licenses/{id}` body: only allowed fields whose value differs
 * from what the form showed, so saving an untouched form changes nothing. An emptied nullable
 * field clears it; a value that is not a number is passed on as text for the body's schema to refuse.
 * A checkbox posts a hidden `false` then `true` when ticked: the last value wins.
 */
export function toLicensePatchJson(
  form: Record<string, unknown>,
  shown: Record<LicenseField, string>,
  allowed: readonly LicenseField[],
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of allowed) {
    const raw = form[field];
    const value = Array.isArray(raw) ? raw.at(-1) : raw;
    if (typeof value !== 'string' || value.trim() === shown[field]) continue;
    const v = value.trim();
    if (BOOLEANS.has(field)) patch[field] = v === 'true';
    else if (v === '' && NULLABLE.has(field)) patch[field] = null;
    else if (DATES.has(field)) patch[field] = /^\d{4}-\d\d-\d\d$/.test(v) ? `${v}T00:00:00.000Z` : v;
    else patch[field] = /^\d+$/.test(v) ? Number(v) : v;
  }
  return patch;
}
