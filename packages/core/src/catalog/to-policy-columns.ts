import type { licensePolicies } from '../db/schema/index';
import type { PolicyInput } from './policy-input';

export type PolicyColumns = Required<
  Pick<
    typeof licensePolicies.$inferInsert,
    | 'name'
    | 'licenseType'
    | 'validDuration'
    | 'maxActivations'
    | 'floatingCloud'
    | 'floatingTimeoutMinutes'
    | 'maxConsumptions'
    | 'allowOverages'
    | 'maxOverages'
    | 'maintenanceEnabled'
    | 'maintenanceDuration'
    | 'maxLicenseUsers'
    | 'isTrial'
    | 'features'
    | 'customFieldValues'
  >
>;

/** The stored columns of a policy; `is_default` is left out because `setDefaultPolicy` owns it. */
export function toPolicyColumns(input: PolicyInput): PolicyColumns {
  return {
    name: input.name,
    licenseType: input.license_type,
    validDuration: input.valid_duration ?? null,
    maxActivations: input.max_activations,
    floatingCloud: input.floating_cloud ?? null,
    floatingTimeoutMinutes: input.floating_timeout_minutes,
    maxConsumptions: input.max_consumptions ?? null,
    allowOverages: input.allow_overages,
    maxOverages: input.max_overages ?? null,
    maintenanceEnabled: input.maintenance_enabled,
    maintenanceDuration: input.maintenance_duration ?? null,
    maxLicenseUsers: input.max_license_users ?? null,
    isTrial: input.is_trial,
    features: input.features,
    customFieldValues: input.custom_field_values,
  };
}
