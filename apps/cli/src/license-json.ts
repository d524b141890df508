import { formatTable } from './format-table';

/** A license as the admin API answers it (the fields the CLI prints). */
export interface LicenseJson {
  id: string;
  license_key: string | null;
  product: string;
  policy: string | null;
  license_type: string;
  enabled: boolean;
  disabled_reason: string | null;
  valid_until: string | null;
  maintenance_until: string | null;
  max_activations: number;
  floating_cloud: number | null;
  max_license_users: number | null;
  is_trial: boolean;
  customer: { id: string; email: string };
  features: { code: string; max_consumption: number | null }[];
  custom_fields: Record<string, string>;
  users: { email: string; is_manager: boolean }[];
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '-');
const state = (l: LicenseJson) => (l.enabled ? 'enabled' : `disabled (${l.disabled_reason ?? '?'})`);

/** Licenses as one table row each. */
export function formatLicenseTable(licenses: LicenseJson[]): string {
  return formatTable(
    ['ID', 'KEY', 'PRODUCT', 'POLICY', 'TYPE', 'STATE', 'VALID UNTIL', 'CUSTOMER'],
    licenses.map((l) => [
      l.id,
      l.license_key ?? '-',
      l.product,
      l.policy ?? '-',
      l.license_type,
      state(l),
      day(l.valid_until),
      l.customer.email,
    ]),
  );
}

/** One license, field by field. */
export function formatLicense(l: LicenseJson): string {
  const lines = [
    `license ${l.id}`,
    `  key              ${l.license_key ?? '-'}`,
    `  product/policy   ${l.product} / ${l.policy ?? '-'} (${l.license_type}${l.is_trial ? ', trial' : ''})`,
    `  state            ${state(l)}`,
    `  valid until      ${day(l.valid_until)}`,
    `  maintenance      ${day(l.maintenance_until)}`,
    `  activations      ${l.max_activations}${l.floating_cloud !== null ? ` (floating ${l.floating_cloud})` : ''}`,
    ...(l.max_license_users !== null ? [`  max users        ${l.max_license_users}`] : []),
    `  customer         ${l.customer.email} (${l.customer.id})`,
    `  features         ${l.features.map((f) => f.code).join(', ') || '-'}`,
    `  custom fields    ${
      Object.entries(l.custom_fields)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || '-'
    }`,
  ];
  if (l.users.length > 0) lines.push(`  users            ${l.users.map((u) => u.email).join(', ')}`);
  return lines.join('\n');
}
