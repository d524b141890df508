import type { License, Product } from '../../src/app/cards/lib/types';

export const contact = { objectType: 'contact', objectId: '901' } as const;
export const company = { objectType: 'company', objectId: '702' } as const;

export function license(overrides: Partial<License> = {}): License {
  return {
    id: 'lic_1',
    key: 'AAAA-BBBB-CCCC',
    productName: 'License Software',
    policyName: 'Yearly',
    licenseType: 'time-limited',
    enabled: true,
    disabledReason: null,
    validUntil: '2099-12-31T00:00:00.000Z',
    maintenanceUntil: null,
    maxActivations: 3,
    isTrial: false,
    createdAt: '2026-11-01T10:00:00.000Z',
    link: 'https://licensync.test/admin/licenses/lic_1',
    ...overrides,
  };
}

export const products: Product[] = [
  {
    id: 'prod_1',
    name: 'License Software',
    shortCode: 'ls',
    features: [
      { code: 'export', name: 'Export' },
      { code: 'sso', name: 'Single sign-on' },
    ],
    customFields: [{ name: 'seat', defaultValue: 'A' }],
    policies: [
      {
        id: 'pol_perpetual',
        name: 'Perpetual',
        licenseType: 'perpetual',
        fields: [
          { name: 'maxActivations', label: 'Max activations', type: 'number', required: false, default: 1 },
        ],
      },
      {
        id: 'pol_time',
        name: 'Yearly',
        licenseType: 'time-limited',
        fields: [
          { name: 'validDuration', label: 'Valid duration', type: 'duration', required: true, default: '1y' },
          { name: 'validUntil', label: 'Valid until', type: 'date', required: false, default: null },
          { name: 'maxActivations', label: 'Max activations', type: 'number', required: false, default: 1 },
          { name: 'features', label: 'Features', type: 'features', required: false, default: null },
          {
            name: 'customFields',
            label: 'Custom fields',
            type: 'customFields',
            required: false,
            default: null,
          },
        ],
      },
    ],
  },
  { id: 'prod_2', name: 'Other Tool', shortCode: 'ot' },
];

export const connectedAnswer = (licenses: License[], total = licenses.length) => ({
  connected: true,
  customer: { id: 'cus_1', email: 'ada@example.com', name: 'Ada Lovelace', company: 'Analytical' },
  licenses,
  total,
});

export const notConnectedAnswer = {
  connected: false,
  licenses: [],
  total: 0,
  actions: ['create_license', 'connect_customer'],
};
