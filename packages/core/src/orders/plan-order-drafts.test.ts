import { describe, expect, it } from 'vitest';
import type { CatalogProduct, LicensePolicy } from '../catalog/catalog-product';
import { UnprocessableError } from '../errors/unprocessable-error';
import type { OrderInput } from './order-input';
import { planOrderDrafts } from './plan-order-drafts';

const at = new Date('2026-03-01T00:00:00Z');
const ws = '00000000-0000-4000-8000-000000000001';

function policy(code: string, extra: Partial<LicensePolicy> = {}): LicensePolicy {
  return {
    id: `pol-${code}`,
    workspaceId: ws,
    productId: 'prod-pro',
    code,
    name: code,
    licenseType: 'perpetual',
    validDuration: null,
    maxActivations: 2,
    floatingCloud: null,
    floatingTimeoutMinutes: 30,
    maxConsumptions: null,
    allowOverages: false,
    maxOverages: null,
    maintenanceEnabled: false,
    maintenanceDuration: null,
    maxLicenseUsers: null,
    isTrial: false,
    isDefault: false,
    features: [],
    customFieldValues: {},
    createdAt: at,
    ...extra,
  };
}

function product(
  shortCode: string,
  extra: Partial<CatalogProduct['product']> = {},
  parts: Partial<CatalogProduct> = {},
): CatalogProduct {
  return {
    product: {
      id: `prod-${shortCode}`,
      workspaceId: ws,
      shortCode,
      name: shortCode,
      authorizationMethod: 'license-key',
      isBundle: false,
      metadata: {},
      createdAt: at,
      updatedAt: at,
      ...extra,
    },
    policies: [
      policy('forever', { isDefault: true }),
      policy('annual', { licenseType: 'time-limited', validDuration: '1y', features: ['batch'] }),
    ],
    features: ['export', 'batch'].map((code) => ({
      id: `f-${code}`,
      workspaceId: ws,
      productId: `prod-${shortCode}`,
      code,
      name: code,
      featureType: 'activation',
      maxConsumption: null,
    })),
    customFields: [
      { id: 'cf', workspaceId: ws, productId: `prod-${shortCode}`, name: 'tier', defaultValue: 'standard' },
    ],
    bundleMembers: [],
    ...parts,
  } as CatalogProduct;
}

const catalog = new Map<string, CatalogProduct>([
  ['pro', product('pro')],
  [
    'team',
    product(
      'team',
      { authorizationMethod: 'user' },
      { policies: [policy('seats', { isDefault: true, maxLicenseUsers: 3 })] },
    ),
  ],
  ['suite', product('suite', { isBundle: true }, { bundleMembers: ['pro'], features: [], customFields: [] })],
]);

const plan = (order: Partial<OrderInput>, sourceId = 'k1') =>
  planOrderDrafts({
    order: { customer: { email: 'ada@example.com' }, product: 'pro', quantity: 1, ...order },
    sourceId,
    customerEmail: 'ada@example.com',
    catalog,
    startsAt: at,
  });

const refusal = (order: Partial<OrderInput>) => {
  try {
    plan(order);
  } catch (err) {
    expect(err).toBeInstanceOf(UnprocessableError);
    return (err as UnprocessableError).field;
  }
  throw new Error('expected a refusal');
};

describe('planOrderDrafts', () => {
  it.each([
    [
      'the default policy fills what the order leaves out',
      {},
      { licenseType: 'perpetual', maxActivations: 2, validUntil: null, policyId: 'pol-forever' },
    ],
    [
      'a named policy gives its type and validity',
      { policy: 'annual' },
      { licenseType: 'time-limited', validUntil: new Date('2027-03-01T00:00:00Z') },
    ],
    [
      'valid_duration overrides the policy’s',
      { policy: 'annual', overrides: { validDuration: '30d' } },
      { validUntil: new Date('2026-03-31T00:00:00Z') },
    ],
    [
      'valid_until overrides any duration',
      { policy: 'annual', overrides: { validUntil: new Date('2030-01-01T00:00:00Z') } },
      { validUntil: new Date('2030-01-01T00:00:00Z') },
    ],
    [
      'max_activations and trial override the policy',
      { overrides: { maxActivations: 9, isTrial: true } },
      { maxActivations: 9, isTrial: true },
    ],
    [
      'maintenance switched on runs from the start',
      { overrides: { enableMaintenanceDuration: true, maintenanceDuration: '1y' } },
      { maintenanceUntil: new Date('2027-03-01T00:00:00Z') },
    ],
    [
      'custom fields: product default, then the order',
      { overrides: { customFields: { tier: 'gold' } } },
      { customFields: { tier: 'gold' } },
    ],
    ['no Stripe price on a hand-taken order', {}, { stripePriceId: null }],
  ])('%s', (_rule, order, expected) => {
    expect(plan(order)[0]).toMatchObject(expected);
  });

  it('features replace the policy’s', () => {
    expect(plan({ policy: 'annual' })[0]!.features.map((f) => f.code)).toEqual(['batch']);
    expect(
      plan({ policy: 'annual', overrides: { features: ['export'] } })[0]!.features.map((f) => f.code),
    ).toEqual(['export']);
  });

  it('keys each unit by the order’s source id, so the same id plans the same keys', () => {
    const keys = plan({ quantity: 3 }).map((d) => d.sourceKey);
    expect(keys).toEqual(['order:k1:line:0', 'order:k1:line:1', 'order:k1:line:2']);
    expect(plan({ quantity: 3 }).map((d) => d.sourceKey)).toEqual(keys);
    expect(plan({ quantity: 1 }, 'k2')[0]!.sourceKey).toBe('order:k2:line:0');
  });

  it('a single license is sized by the quantity', () => {
    const drafts = plan({ quantity: 5, overrides: { isSingleLicense: true } });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.maxActivations).toBe(5);
  });

  it('a user product licenses the customer as its user, with the policy’s seats or the order’s', () => {
    expect(plan({ product: 'team' })[0]).toMatchObject({
      withKey: false,
      maxLicenseUsers: 3,
      users: [{ email: 'ada@example.com', isManager: true }],
      isLicenseManager: true,
    });
    expect(plan({ product: 'team', overrides: { maxLicenseUsers: 8 } })[0]!.maxLicenseUsers).toBe(8);
  });

  it('a bundle gives its license and one per member product, tied to it', () => {
    const drafts = plan({ product: 'suite', quantity: 2 });
    expect(drafts.map((d) => [d.productId, d.bundleSourceKey ?? null])).toEqual([
      ['prod-suite', null],
      ['prod-pro', 'order:k1:line:0'],
      ['prod-suite', null],
      ['prod-pro', 'order:k1:line:1'],
    ]);
  });

  it.each([
    ['an unknown product', { product: 'nope' }, 'product'],
    ['a policy the product lacks', { policy: 'weekly' }, 'policy'],
    ['a feature the product lacks', { overrides: { features: ['fly'] } }, 'overrides.features[0]'],
    [
      'a custom field the product lacks',
      { overrides: { customFields: { colour: 'red' } } },
      'overrides.custom_fields.colour',
    ],
    [
      'max users on a license-key product',
      { overrides: { maxLicenseUsers: 2 } },
      'overrides.max_license_users',
    ],
    [
      'valid_until on a perpetual license',
      { overrides: { validUntil: new Date('2030-01-01T00:00:00Z') } },
      'overrides.valid_until',
    ],
    ['floating above max_activations', { overrides: { maxActivations: 1, floatingCloud: 2 } }, 'overrides'],
  ])('refuses %s, naming the field', (_rule, order, field) => {
    expect(refusal(order)).toBe(field);
  });
});
