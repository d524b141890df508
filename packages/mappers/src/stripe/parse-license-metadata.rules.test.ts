import { describe, expect, it } from 'vitest';
import type { MetadataProblem } from './metadata-problem';
import { type ParseCase, problemsOf } from './test-fixtures/parse-case';

const BASE = { short_code: 'APP' };
type Expected = Omit<MetadataProblem, 'priceId'>;

describe('parseLicenseMetadata refuses attribute combinations', () => {
  it.each<[string, ParseCase, Expected]>([
    [
      'perpetual on a recurring price',
      { metadata: { ...BASE, license_type: 'perpetual' }, recurring: true },
      {
        attribute: 'license_type',
        rule: 'recurring-license-type',
        message:
          'price price_123: license_type ("perpetual") must be subscription or consumption on a recurring price',
      },
    ],
    [
      'time-limited on a recurring price',
      { metadata: { ...BASE, license_type: 'time-limited' }, recurring: true },
      {
        attribute: 'license_type',
        rule: 'recurring-license-type',
        message:
          'price price_123: license_type ("time-limited") must be subscription or consumption on a recurring price',
      },
    ],
    [
      'floating_cloud above max_activations',
      { metadata: { ...BASE, max_activations: '5', floating_cloud: '10' } },
      {
        attribute: 'floating_cloud',
        rule: 'floating-cloud-within-max-activations',
        message: 'price price_123: floating_cloud (10) must be ≤ max_activations (5)',
      },
    ],
    [
      'max_license_users on a license-key product',
      { metadata: { ...BASE, max_license_users: '3' }, authorizationMethod: 'license-key' },
      {
        attribute: 'max_license_users',
        rule: 'user-authorization-only',
        message: 'price price_123: max_license_users is only allowed for products with user authorization',
      },
    ],
    [
      'assign_customer_as_user on a license-key product',
      { metadata: { ...BASE, assign_customer_as_user: 'true' }, authorizationMethod: 'license-key' },
      {
        attribute: 'assign_customer_as_user',
        rule: 'user-authorization-only',
        message:
          'price price_123: assign_customer_as_user is only allowed for products with user authorization',
      },
    ],
    [
      'floating_users_from_quantity without is_single_license',
      {
        metadata: { ...BASE, floating_users_from_quantity: 'true', floating_cloud: '2' },
      },
      {
        attribute: 'floating_users_from_quantity',
        rule: 'requires-single-license',
        message: 'price price_123: floating_users_from_quantity requires is_single_license',
      },
    ],
    [
      'floating_users_from_quantity without floating_cloud',
      {
        metadata: { ...BASE, floating_users_from_quantity: 'true', is_single_license: 'true' },
      },
      {
        attribute: 'floating_users_from_quantity',
        rule: 'requires-floating-cloud',
        message: 'price price_123: floating_users_from_quantity requires floating_cloud',
      },
    ],
  ])('%s', (_rule, input, expected) => {
    expect(problemsOf(input)).toEqual([{ priceId: 'price_123', ...expected }]);
  });
});
