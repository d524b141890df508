import { describe, expect, it } from 'vitest';
import type { MetadataProblem } from './metadata-problem';
import { type ParseCase, problemsOf } from './test-fixtures/parse-case';

const BASE = { short_code: 'APP' };
type Expected = Omit<MetadataProblem, 'priceId'>;
const DURATION_RULE = 'must be a positive whole number followed by d, w, m or y (e.g. 30d, 1y)';

describe('parseLicenseMetadata refuses malformed values', () => {
  it.each<[string, ParseCase, Expected]>([
    [
      'missing short_code',
      { metadata: {} },
      {
        attribute: 'short_code',
        rule: 'required',
        message: 'price price_123: short_code is required (the product or bundle code)',
      },
    ],
    [
      'blank short_code',
      { metadata: { short_code: '  ' } },
      {
        attribute: 'short_code',
        rule: 'required',
        message: 'price price_123: short_code is required (the product or bundle code)',
      },
    ],
    [
      'an unknown license_type',
      { metadata: { ...BASE, license_type: 'lifetime' } },
      {
        attribute: 'license_type',
        rule: 'license-type',
        message:
          'price price_123: license_type ("lifetime") must be one of perpetual, time-limited, subscription, consumption',
      },
    ],
    ...(['0d', '3x', '1.5m'] as const).map((text): [string, ParseCase, Expected] => [
      `valid_duration ${text}`,
      { metadata: { ...BASE, valid_duration: text } },
      {
        attribute: 'valid_duration',
        rule: 'duration-format',
        message: `price price_123: valid_duration ("${text}") ${DURATION_RULE}`,
      },
    ]),
    [
      'an empty valid_duration',
      { metadata: { ...BASE, valid_duration: '' } },
      {
        attribute: 'valid_duration',
        rule: 'duration-format',
        message: `price price_123: valid_duration ("") ${DURATION_RULE}`,
      },
    ],
    [
      'a malformed maintenance_duration',
      { metadata: { ...BASE, maintenance_duration: '6 months' } },
      {
        attribute: 'maintenance_duration',
        rule: 'duration-format',
        message: `price price_123: maintenance_duration ("6 months") ${DURATION_RULE}`,
      },
    ],
    [
      'a malformed unpaid_active_license_period',
      { metadata: { ...BASE, unpaid_active_license_period: '-7d' } },
      {
        attribute: 'unpaid_active_license_period',
        rule: 'duration-format',
        message: `price price_123: unpaid_active_license_period ("-7d") ${DURATION_RULE}`,
      },
    ],
    ...(['0', '-1', '2.5', 'five', '', '2147483648'] as const).map((text): [string, ParseCase, Expected] => [
      `max_activations ${JSON.stringify(text)}`,
      { metadata: { ...BASE, max_activations: text } },
      {
        attribute: 'max_activations',
        rule: 'positive-integer',
        message: `price price_123: max_activations (${JSON.stringify(text)}) must be a positive integer up to 2147483647`,
      },
    ]),
    [
      'floating_cloud of zero',
      { metadata: { ...BASE, floating_cloud: '0' } },
      {
        attribute: 'floating_cloud',
        rule: 'positive-integer',
        message: 'price price_123: floating_cloud ("0") must be a positive integer up to 2147483647',
      },
    ],
    [
      'max_license_users of zero',
      { metadata: { ...BASE, max_license_users: '0' } },
      {
        attribute: 'max_license_users',
        rule: 'positive-integer',
        message: 'price price_123: max_license_users ("0") must be a positive integer up to 2147483647',
      },
    ],
    [
      'negative added_days',
      { metadata: { ...BASE, added_days: '-3' }, recurring: true },
      {
        attribute: 'added_days',
        rule: 'non-negative-integer',
        message: 'price price_123: added_days ("-3") must be a non-negative integer up to 2147483647',
      },
    ],
    [
      'custom_field_ without a name',
      { metadata: { ...BASE, custom_field_: 'x' } },
      {
        attribute: 'custom_field_',
        rule: 'custom-field-name',
        message: 'price price_123: custom_field_ needs a field name after the prefix',
      },
    ],
    [
      'a bad value inherited from the product, naming the product',
      { metadata: BASE, productMetadata: { max_activations: 'many' } },
      {
        attribute: 'max_activations',
        rule: 'positive-integer',
        message:
          'price price_123: max_activations ("many") must be a positive integer up to 2147483647 [set on product prod_123]',
      },
    ],
  ])('%s', (_rule, input, expected) => {
    expect(problemsOf(input)).toEqual([{ priceId: 'price_123', ...expected }]);
  });

  it('collects every problem instead of stopping at the first', () => {
    const errors = problemsOf({
      metadata: { license_type: 'lifetime', max_activations: '0', is_single_license: 'yes', added_days: '1' },
    });
    expect(errors.map((problem) => problem.attribute).sort()).toEqual([
      'license_type',
      'max_activations',
      'short_code',
    ]);
  });
});
