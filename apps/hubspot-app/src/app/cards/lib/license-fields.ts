import type { License } from './types';

/** Every license field a rep can choose to show, in display order. */
export const LICENSE_FIELDS = [
  { key: 'key', label: 'License key' },
  { key: 'productName', label: 'Product' },
  { key: 'policyName', label: 'Policy' },
  { key: 'licenseType', label: 'Type' },
  { key: 'status', label: 'Status' },
  { key: 'validUntil', label: 'Valid until' },
  { key: 'maintenanceUntil', label: 'Maintenance until' },
  { key: 'maxActivations', label: 'Max activations' },
  { key: 'isTrial', label: 'Trial' },
  { key: 'createdAt', label: 'Created' },
] as const;

export type LicenseFieldKey = (typeof LICENSE_FIELDS)[number]['key'];

export const DEFAULT_SIDEBAR_FIELDS: LicenseFieldKey[] = ['key', 'productName', 'status', 'validUntil'];
export const DEFAULT_TABLE_FIELDS: LicenseFieldKey[] = [
  'key',
  'productName',
  'policyName',
  'licenseType',
  'status',
  'validUntil',
  'maxActivations',
];

export function fieldLabel(key: string): string {
  return LICENSE_FIELDS.find((f) => f.key === key)?.label ?? key;
}

/** Keeps the catalogue's order and drops unknown keys, so a saved choice always renders the same way. */
export function normaliseFields(keys: readonly string[]): LicenseFieldKey[] {
  return LICENSE_FIELDS.map((f) => f.key).filter((k) => keys.includes(k));
}

export function licenseStatus(license: License): { text: string; variant: 'success' | 'danger' | 'warning' } {
  if (!license.enabled) {
    return {
      text: license.disabledReason ? `Disabled: ${license.disabledReason}` : 'Disabled',
      variant: 'danger',
    };
  }
  if (license.validUntil && Date.parse(license.validUntil) < Date.now())
    return { text: 'Expired', variant: 'warning' };
  return { text: 'Active', variant: 'success' };
}

const day = (iso?: string | null) => (iso ? iso.slice(0, 10) : '—');

/** The text of one field of one license; `status` is rendered as a tag by the views. */
export function formatField(license: License, key: LicenseFieldKey): string {
  switch (key) {
    case 'status':
      return licenseStatus(license).text;
    case 'validUntil':
      return license.validUntil ? day(license.validUntil) : 'Perpetual';
    case 'maintenanceUntil':
      return day(license.maintenanceUntil);
    case 'createdAt':
      return day(license.createdAt);
    case 'maxActivations':
      return license.maxActivations == null ? 'Unlimited' : String(license.maxActivations);
    case 'isTrial':
      return license.isTrial ? 'Yes' : 'No';
    default: {
      const value = license[key];
      return value == null || value === '' ? '—' : String(value);
    }
  }
}

/** How each field the backend may list in `editableFields` is edited (its names are licensync's). */
const EDITABLE_FIELDS: Record<string, { label: string; type: string }> = {
  validUntil: { label: 'Valid until', type: 'date' },
  maintenanceUntil: { label: 'Maintenance until', type: 'date' },
  maxActivations: { label: 'Max activations', type: 'number' },
  floatingCloud: { label: 'Floating cloud users', type: 'number' },
  maxLicenseUsers: { label: 'Max license users', type: 'number' },
  isTrial: { label: 'Trial', type: 'boolean' },
  // A consumption license's own limits (the backend lists them for consumption licenses only).
  maxConsumptions: { label: 'Max consumptions', type: 'number' },
  allowOverages: { label: 'Allow overages', type: 'boolean' },
  maxOverages: { label: 'Max overages', type: 'number' },
};

export function editableField(field: string | { name: string; label?: string; type?: string }) {
  const name = typeof field === 'string' ? field : field.name;
  const known = EDITABLE_FIELDS[name];
  const given: { label?: string; type?: string } = typeof field === 'string' ? {} : field;
  return { name, label: given.label ?? known?.label ?? name, type: given.type ?? known?.type ?? 'string' };
}
