import type { CatalogProduct, LicensePolicy } from '@licensync/core/catalog';
import { describe, expect, it } from 'vitest';
import { toCardFormFields } from './to-card-policy-json';

const policy = (over: Partial<LicensePolicy>): LicensePolicy => ({
  id: 'p1',
  workspaceId: 'w',
  productId: 'pr',
  code: 'x',
  name: 'X',
  licenseType: 'perpetual',
  validDuration: null,
  maxActivations: 2,
  floatingCloud: null,
  maintenanceEnabled: false,
  maintenanceDuration: null,
  maxLicenseUsers: null,
  floatingTimeoutMinutes: 30,
  maxConsumptions: null,
  allowOverages: false,
  maxOverages: null,
  isTrial: false,
  isDefault: false,
  features: [],
  customFieldValues: {},
  createdAt: new Date(0),
  ...over,
});
const entry = (
  over: Partial<CatalogProduct> = {},
  method: 'license-key' | 'user' = 'license-key',
): CatalogProduct =>
  ({
    product: { id: 'pr', shortCode: 'pro', name: 'Pro', authorizationMethod: method },
    policies: [],
    features: [],
    customFields: [],
    bundleMembers: [],
    ...over,
  }) as unknown as CatalogProduct;
const names = (e: CatalogProduct, p: LicensePolicy) => toCardFormFields(e, p).map((f) => f.name);

describe('toCardFormFields', () => {
  it.each([
    ['time-limited', true],
    ['subscription', true],
    ['perpetual', false],
    ['consumption', false],
  ] as const)('a %s policy asks for a validity: %s', (licenseType, asks) => {
    const fields = names(entry(), policy({ licenseType }));
    expect(fields.includes('validDuration') && fields.includes('validUntil')).toBe(asks);
  });

  it.each([
    ['consumption', true],
    ['perpetual', false],
    ['time-limited', false],
    ['subscription', false],
  ] as const)('a %s policy asks for consumption limits: %s', (licenseType, asks) => {
    const fields = names(entry(), policy({ licenseType }));
    for (const name of ['maxConsumptions', 'allowOverages', 'maxOverages'])
      expect(fields.includes(name)).toBe(asks);
  });

  it("defaults the consumption limits to the policy's", () => {
    const fields = toCardFormFields(
      entry(),
      policy({ licenseType: 'consumption', maxConsumptions: 500, allowOverages: true, maxOverages: 50 }),
    );
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(byName.maxConsumptions).toMatchObject({ type: 'number', default: 500 });
    expect(byName.allowOverages).toMatchObject({ type: 'boolean', default: true });
    expect(byName.maxOverages).toMatchObject({ type: 'number', default: 50 });
  });

  it("defaults each field to the policy's value", () => {
    const fields = toCardFormFields(
      entry(),
      policy({ licenseType: 'time-limited', validDuration: '30d', maxActivations: 4 }),
    );
    expect(fields.find((f) => f.name === 'validDuration')?.default).toBe('30d');
    expect(fields.find((f) => f.name === 'maxActivations')?.default).toBe(4);
  });

  it('asks for max users only on user-authorized products', () => {
    expect(names(entry(), policy({}))).not.toContain('maxLicenseUsers');
    expect(names(entry({}, 'user'), policy({ maxLicenseUsers: 5 }))).toContain('maxLicenseUsers');
  });

  it("offers features and custom fields only when the product has some, defaulting to the policy's", () => {
    expect(names(entry(), policy({}))).not.toContain('features');
    const withParts = entry({
      features: [{ code: 'export' }, { code: 'batch' }] as CatalogProduct['features'],
      customFields: [
        { name: 'tier', defaultValue: 'standard' },
        { name: 'region', defaultValue: 'eu' },
      ] as CatalogProduct['customFields'],
    });
    const fields = toCardFormFields(
      withParts,
      policy({ features: ['batch'], customFieldValues: { tier: 'gold' } }),
    );
    expect(fields.find((f) => f.name === 'features')?.default).toEqual(['batch']);
    expect(fields.find((f) => f.name === 'customFields')?.default).toEqual({ tier: 'gold', region: 'eu' });
  });
});
