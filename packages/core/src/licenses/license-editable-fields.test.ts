import { describe, expect, it } from 'vitest';
import { editableLicenseFields } from './license-editable-fields';

const LIMITS = ['max_consumptions', 'allow_overages', 'max_overages'];

describe('editableLicenseFields', () => {
  it.each([
    ['consumption', 'license-key', [...LIMITS], ['valid_until', 'max_license_users']],
    ['consumption', 'user', [...LIMITS, 'max_license_users'], ['valid_until']],
    ['time-limited', 'license-key', ['valid_until'], [...LIMITS, 'max_license_users']],
    ['perpetual', 'user', ['max_license_users', 'max_activations'], [...LIMITS, 'valid_until']],
    ['subscription', 'license-key', ['is_trial'], [...LIMITS, 'valid_until', 'max_license_users']],
  ] as const)('a %s license of a %s product', (type, method, has, hasNot) => {
    const fields = editableLicenseFields(type, method);
    for (const f of has) expect(fields).toContain(f);
    for (const f of hasNot) expect(fields).not.toContain(f);
  });
});
