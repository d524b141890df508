import { describe, expect, it } from 'vitest';
import { makeLicense } from './test-sources';
import { toHubspotLicenseProperties } from './to-hubspot-license-properties';

const now = new Date('2026-06-01T00:00:00Z');
const opts = { now };

describe('toHubspotLicenseProperties', () => {
  it.each([
    ['an enabled license within its validity is active', {}, { status: 'active', disabled_reason: '' }],
    [
      'a disabled license is disabled and says why',
      { enabled: false, disabledReason: 'refunded' },
      { status: 'disabled', disabled_reason: 'refunded' },
    ],
    [
      'a disabled and expired license is disabled',
      { enabled: false, validUntil: new Date('2026-01-01T00:00:00Z') },
      { status: 'disabled' },
    ],
    [
      'a license past valid_until is expired',
      { validUntil: new Date('2026-05-31T00:00:00Z') },
      { status: 'expired' },
    ],
    [
      'a perpetual license has no valid_until',
      { validUntil: null, licenseType: 'perpetual' },
      { valid_until: '' },
    ],
    ['valid_until is a UTC day (HubSpot date)', {}, { valid_until: '2027-01-31' }],
    ['a user license has no key', { licenseKey: null }, { license_key: '' }],
    [
      'users and features are listed',
      { users: ['a@x.io', 'b@x.io'], features: ['export'] },
      { users: 'a@x.io; b@x.io', features: 'export' },
    ],
    [
      'numbers are strings',
      { maxActivations: 0, maxLicenseUsers: 5 },
      { max_activations: '0', max_users: '5' },
    ],
    [
      "the license API's activation count and last check (a full timestamp) reach HubSpot",
      { activationsInUse: 2, lastCheckAt: new Date('2026-12-01T10:15:00Z') },
      { activations: '2', last_check_at: '2026-12-01T10:15:00.000Z' },
    ],
    ['a license never checked has an empty last check', { lastCheckAt: null }, { last_check_at: '' }],
  ])('%s', (_rule, override, expected) => {
    expect(toHubspotLicenseProperties(makeLicense(override), opts)).toMatchObject(expected);
  });

  it('writes no link a person cannot open (clearing an old one) and carries our id', () => {
    const props = toHubspotLicenseProperties(makeLicense(), opts);
    expect(props.admin_url).toBe('');
    expect(Object.values(props).some((value) => /https?:\/\//.test(value))).toBe(false);
    expect(props.licensync_license_id).toBe(makeLicense().id);
    expect(Object.values(props).every((value) => typeof value === 'string')).toBe(true);
  });
});
