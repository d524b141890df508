import type { LicenseField } from '@licensync/core/licenses';
import { describe, expect, it } from 'vitest';
import { toLicensePatchJson } from './license-patch-form';

const shown: Record<LicenseField, string> = {
  valid_until: '2027-01-31',
  maintenance_until: '',
  max_activations: '3',
  floating_cloud: '',
  max_license_users: '5',
  is_trial: 'false',
  max_consumptions: '100',
  allow_overages: 'false',
  max_overages: '',
};
const ALL = Object.keys(shown) as LicenseField[];

describe('toLicensePatchJson', () => {
  it.each([
    ['an untouched form changes nothing', { ...shown }, ALL, {}],
    ['a new count is a number', { max_activations: '4' }, ALL, { max_activations: 4 }],
    [
      'consumption limits: a count, a ticked checkbox, an emptied limit',
      { max_consumptions: '', allow_overages: ['false', 'true'], max_overages: '7' },
      ALL,
      { max_consumptions: null, allow_overages: true, max_overages: 7 },
    ],
    ['an emptied nullable field clears it', { max_license_users: '' }, ALL, { max_license_users: null }],
    [
      'a date is that day at 00:00 UTC',
      { maintenance_until: '2028-02-29' },
      ALL,
      { maintenance_until: '2028-02-29T00:00:00.000Z' },
    ],
    ['a ticked checkbox posts false then true', { is_trial: ['false', 'true'] }, ALL, { is_trial: true }],
    [
      'text where a number belongs goes on for the schema to refuse',
      { max_activations: 'many' },
      ALL,
      { max_activations: 'many' },
    ],
    ['a field the type does not allow is left out', { valid_until: '2029-01-01' }, ['max_activations'], {}],
  ] as [string, Record<string, unknown>, LicenseField[], Record<string, unknown>][])(
    '%s',
    (_rule, form, allowed, expected) => {
      expect(toLicensePatchJson(form, shown, allowed)).toEqual(expected);
    },
  );
});
