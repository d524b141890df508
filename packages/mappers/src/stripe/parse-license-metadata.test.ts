import { describe, expect, it } from 'vitest';
import { parseLicenseMetadata } from './parse-license-metadata';
import { makePrice } from './test-fixtures/make-price';
import { makeProduct } from './test-fixtures/make-product';
import { type ParseCase, parseCase } from './test-fixtures/parse-case';

const BASE = { short_code: 'APP' };

describe('parseLicenseMetadata accepts', () => {
  it.each<[string, ParseCase, Record<string, unknown>]>([
    [
      'short_code alone, everything else from the policy',
      { metadata: BASE },
      {
        ignored: false,
        priceId: 'price_123',
        shortCode: 'APP',
        licensePolicy: undefined,
        licenseType: undefined,
        validDuration: undefined,
        maxActivations: undefined,
        addedDays: 0,
        customFields: {},
        enableMaintenanceDuration: undefined,
        assignCustomerAsUser: false,
        isLicenseManager: false,
        isSingleLicense: false,
        floatingUsersFromQuantity: false,
        isProductBundle: false,
      },
    ],
    ['license_policy', { metadata: { ...BASE, license_policy: 'pro-2026' } }, { licensePolicy: 'pro-2026' }],
    [
      'perpetual on a one-off price',
      { metadata: { ...BASE, license_type: 'perpetual' } },
      { licenseType: 'perpetual' },
    ],
    [
      'time-limited on a one-off price',
      { metadata: { ...BASE, license_type: 'time-limited' } },
      { licenseType: 'time-limited' },
    ],
    [
      'subscription on a one-off price',
      { metadata: { ...BASE, license_type: 'subscription' } },
      { licenseType: 'subscription' },
    ],
    [
      'consumption on a one-off price',
      { metadata: { ...BASE, license_type: 'consumption' } },
      { licenseType: 'consumption' },
    ],
    [
      'recurring price leaves the type to the policy',
      { metadata: BASE, recurring: true },
      { licenseType: undefined, recurring: true },
    ],
    [
      'consumption on a recurring price',
      { metadata: { ...BASE, license_type: 'consumption' }, recurring: true },
      { licenseType: 'consumption' },
    ],
    [
      'valid_duration on a one-off price',
      { metadata: { ...BASE, valid_duration: '1y' } },
      { validDuration: { count: 1, unit: 'y' } },
    ],
    [
      'recurring price takes valid duration from its billing period',
      { metadata: BASE, recurring: true },
      { validDuration: { count: 1, unit: 'm' } },
    ],
    [
      'maintenance_duration',
      { metadata: { ...BASE, maintenance_duration: '6m' } },
      { maintenanceDuration: { count: 6, unit: 'm' } },
    ],
    [
      'unpaid_active_license_period',
      { metadata: { ...BASE, unpaid_active_license_period: '2w' } },
      { unpaidActiveLicensePeriod: { count: 2, unit: 'w' } },
    ],
    ['max_activations', { metadata: { ...BASE, max_activations: '5' } }, { maxActivations: 5 }],
    [
      'floating_cloud equal to max_activations',
      { metadata: { ...BASE, max_activations: '5', floating_cloud: '5' } },
      { floatingCloud: 5 },
    ],
    [
      'floating_cloud without max_activations',
      { metadata: { ...BASE, floating_cloud: '10' } },
      { floatingCloud: 10 },
    ],
    [
      'enable_maintenance_duration',
      { metadata: { ...BASE, enable_maintenance_duration: 'true' } },
      { enableMaintenanceDuration: true },
    ],
    [
      'max_license_users on a user product',
      { metadata: { ...BASE, max_license_users: '3' }, authorizationMethod: 'user' },
      { maxLicenseUsers: 3 },
    ],
    [
      'max_license_users when the authorization method is unknown',
      { metadata: { ...BASE, max_license_users: '3' } },
      { maxLicenseUsers: 3 },
    ],
    [
      'assign_customer_as_user on a user product',
      { metadata: { ...BASE, assign_customer_as_user: 'true' }, authorizationMethod: 'user' },
      { assignCustomerAsUser: true },
    ],
    [
      'assign_customer_as_user "false" on a license-key product',
      { metadata: { ...BASE, assign_customer_as_user: 'false' }, authorizationMethod: 'license-key' },
      { assignCustomerAsUser: false },
    ],
    ['is_license_manager', { metadata: { ...BASE, is_license_manager: 'true' } }, { isLicenseManager: true }],
    [
      'added_days on a recurring price',
      { metadata: { ...BASE, added_days: '7' }, recurring: true },
      { addedDays: 7 },
    ],
    ['added_days of zero', { metadata: { ...BASE, added_days: '0' }, recurring: true }, { addedDays: 0 }],
    [
      'custom_field_{NAME} overrides',
      { metadata: { ...BASE, custom_field_edition: 'Pro', custom_field_seats_note: '' } },
      { customFields: { edition: 'Pro', seats_note: '' } },
    ],
    ['is_single_license', { metadata: { ...BASE, is_single_license: 'true' } }, { isSingleLicense: true }],
    [
      'floating_users_from_quantity with is_single_license and floating_cloud',
      {
        metadata: {
          ...BASE,
          floating_users_from_quantity: 'true',
          is_single_license: 'true',
          floating_cloud: '1',
        },
      },
      { floatingUsersFromQuantity: true },
    ],
    ['is_product_bundle', { metadata: { ...BASE, is_product_bundle: 'true' } }, { isProductBundle: true }],
    [
      '"false" booleans',
      { metadata: { ...BASE, is_single_license: 'false', is_license_manager: 'false' } },
      { isSingleLicense: false, isLicenseManager: false },
    ],
    [
      'unknown keys are ignored',
      { metadata: { ...BASE, crm_id: '42', max_activation: 'x' } },
      { shortCode: 'APP' },
    ],
  ])('%s', (_rule, input, expected) => {
    const result = parseCase(input);
    expect(result).toMatchObject({ ok: true, value: expected });
  });

  it('ignore_product_in_licensespring ignores the price without needing other attributes', () => {
    const result = parseCase({
      metadata: { ignore_product_in_licensespring: 'true', max_activations: 'lots' },
    });
    expect(result).toEqual({ ok: true, warnings: [], value: { ignored: true, priceId: 'price_123' } });
  });
});

describe('parseLicenseMetadata falls back from price to product', () => {
  it.each<[string, ParseCase, Record<string, unknown>]>([
    ['short_code from the product', { metadata: {}, productMetadata: BASE }, { shortCode: 'APP' }],
    [
      'price wins over product key by key',
      {
        metadata: { max_activations: '2' },
        productMetadata: { ...BASE, max_activations: '9', license_policy: 'std' },
      },
      { shortCode: 'APP', maxActivations: 2, licensePolicy: 'std' },
    ],
    [
      'custom fields merge',
      {
        metadata: { ...BASE, custom_field_a: 'price' },
        productMetadata: { custom_field_a: 'product', custom_field_b: 'product' },
      },
      { customFields: { a: 'price', b: 'product' } },
    ],
    [
      'product valid_duration does not trouble a recurring price',
      {
        metadata: BASE,
        productMetadata: { valid_duration: '1y' },
        recurring: true,
      },
      { validDuration: { count: 1, unit: 'm' } },
    ],
  ])('%s', (_rule, input, expected) => {
    expect(parseCase(input)).toMatchObject({ ok: true, value: expected });
  });

  it('reads an expanded price.product when no product is passed', () => {
    const price = makePrice({ product: makeProduct({ metadata: { short_code: 'FROM_EXPANDED' } }) });
    expect(parseLicenseMetadata(price)).toMatchObject({ ok: true, value: { shortCode: 'FROM_EXPANDED' } });
  });

  it('prefers the product option over an expanded price.product', () => {
    const price = makePrice({ product: makeProduct({ metadata: { short_code: 'EXPANDED' } }) });
    const product = makeProduct({ metadata: { short_code: 'OPTION' } });
    expect(parseLicenseMetadata(price, { product })).toMatchObject({
      ok: true,
      value: { shortCode: 'OPTION' },
    });
  });

  it('a deleted expanded product gives no fallback', () => {
    const price = makePrice({ product: { id: 'prod_gone', object: 'product', deleted: true } });
    expect(parseLicenseMetadata(price)).toMatchObject({ ok: false, errors: [{ rule: 'required' }] });
  });
});
