import type { CustomField, Feature, Policy } from '@licensync/core/catalog';

/** A license policy as the admin API answers it. */
export function toPolicyJson(policy: Policy) {
  return {
    id: policy.id,
    code: policy.code,
    name: policy.name,
    license_type: policy.licenseType,
    valid_duration: policy.validDuration,
    max_activations: policy.maxActivations,
    floating_cloud: policy.floatingCloud,
    floating_timeout_minutes: policy.floatingTimeoutMinutes,
    max_consumptions: policy.maxConsumptions,
    allow_overages: policy.allowOverages,
    max_overages: policy.maxOverages,
    maintenance_enabled: policy.maintenanceEnabled,
    maintenance_duration: policy.maintenanceDuration,
    max_license_users: policy.maxLicenseUsers,
    is_trial: policy.isTrial,
    is_default: policy.isDefault,
    features: policy.features,
    custom_field_values: policy.customFieldValues,
  };
}

export function toFeatureJson(feature: Feature) {
  return {
    code: feature.code,
    name: feature.name,
    feature_type: feature.featureType,
    max_consumption: feature.maxConsumption,
  };
}

export function toCustomFieldJson(field: CustomField) {
  return { name: field.name, default_value: field.defaultValue };
}
