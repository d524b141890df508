import type { CatalogProduct, LicensePolicy } from '@licensync/core/catalog';

/** One input of the create form; `name` is the key of `overrides` in the create-order body. */
export interface CardFormField {
  name: string;
  label: string;
  type: 'duration' | 'date' | 'number' | 'boolean' | 'features' | 'customFields';
  required: boolean;
  default: unknown;
}

/**
 * The fields the create form shows for a policy, by its type: only a time-limited or subscription
 * license has a validity to set (a perpetual one never ends), consumption limits only on a
 * consumption license, max users only on user-authorized
 * products, features and custom fields only when the product has some. Pure.
 */
export function toCardFormFields(entry: CatalogProduct, policy: LicensePolicy): CardFormField[] {
  const fields: CardFormField[] = [];
  const add = (name: string, label: string, type: CardFormField['type'], value: unknown) =>
    fields.push({ name, label, type, required: false, default: value });
  if (policy.licenseType === 'time-limited' || policy.licenseType === 'subscription') {
    add('validDuration', 'Valid duration', 'duration', policy.validDuration);
    add('validUntil', 'Valid until', 'date', null);
  }
  add('maxActivations', 'Max activations', 'number', policy.maxActivations);
  add('floatingCloud', 'Floating cloud users', 'number', policy.floatingCloud);
  if (entry.product.authorizationMethod === 'user')
    add('maxLicenseUsers', 'Max license users', 'number', policy.maxLicenseUsers);
  if (policy.licenseType === 'consumption') {
    add('maxConsumptions', 'Max consumptions', 'number', policy.maxConsumptions);
    add('allowOverages', 'Allow overages', 'boolean', policy.allowOverages);
    add('maxOverages', 'Max overages', 'number', policy.maxOverages);
  }
  add('isTrial', 'Trial', 'boolean', policy.isTrial);
  add('enableMaintenanceDuration', 'Maintenance', 'boolean', policy.maintenanceEnabled);
  add('maintenanceDuration', 'Maintenance duration', 'duration', policy.maintenanceDuration);
  add('isSingleLicense', 'One license for the whole quantity', 'boolean', false);
  if (entry.features.length > 0) add('features', 'Product features', 'features', policy.features);
  if (entry.customFields.length > 0)
    add(
      'customFields',
      'Custom fields',
      'customFields',
      Object.fromEntries(
        entry.customFields.map((f) => [f.name, policy.customFieldValues[f.name] ?? f.defaultValue]),
      ),
    );
  return fields;
}

export function toCardPolicyJson(entry: CatalogProduct, policy: LicensePolicy) {
  return {
    id: policy.id,
    code: policy.code,
    name: policy.name,
    licenseType: policy.licenseType,
    isDefault: policy.isDefault,
    isTrial: policy.isTrial,
    validDuration: policy.validDuration,
    maxActivations: policy.maxActivations,
    fields: toCardFormFields(entry, policy),
  };
}

export function toCardProductJson(entry: CatalogProduct) {
  const { product } = entry;
  return {
    id: product.id,
    shortCode: product.shortCode,
    name: product.name,
    authorizationMethod: product.authorizationMethod,
    features: entry.features.map((f) => ({ code: f.code, name: f.name })),
    customFields: entry.customFields.map((f) => ({ name: f.name, defaultValue: f.defaultValue })),
    policies: entry.policies.map((p) => toCardPolicyJson(entry, p)),
  };
}
