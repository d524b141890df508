import { toEffectiveTerms } from './effective-terms';
import type { LicenseRow } from './read-license-state';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The license part of every license API answer (snake_case, as the client reads it). Pure. */
export function toLicenseState(row: LicenseRow, productCode: string) {
  const { license } = row;
  const terms = toEffectiveTerms(license, row.policy);
  return {
    id: license.id,
    product: productCode,
    license_type: license.licenseType,
    enabled: license.enabled,
    disabled_reason: license.enabled ? null : license.disabledReason,
    is_trial: license.isTrial,
    valid_until: iso(license.validUntil),
    maintenance_until: iso(license.maintenanceUntil),
    max_activations: license.maxActivations,
    activations_in_use: license.activationsInUse,
    floating_cloud: license.floatingCloud,
    floating_in_use: row.floatingInUse,
    floating_timeout_minutes: terms.floatingTimeoutMinutes,
    features: row.features,
    custom_fields: row.customFields,
    consumption: {
      total: license.consumptionTotal,
      max_consumptions: terms.maxConsumptions,
      allow_overages: terms.allowOverages,
      max_overages: terms.maxOverages,
      period_started_at: iso(license.consumptionResetAt),
    },
  };
}

export type LicenseState = ReturnType<typeof toLicenseState>;
