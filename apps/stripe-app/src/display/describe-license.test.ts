import { describe, expect, it } from 'vitest';
import { toActivationsText, toLicenseStatus, toLicenseTypeText, toValidityText } from './describe-license';

const now = new Date('2026-06-01T00:00:00Z');
const license = { enabled: true, disabled_reason: null, valid_until: null, is_trial: false };

describe('toLicenseStatus', () => {
  it.each([
    ['an enabled license is active', license, { label: 'Active', badge: 'positive' }],
    [
      'a refund names itself',
      { ...license, enabled: false, disabled_reason: 'refunded' },
      { label: 'Disabled', badge: 'negative', reason: 'Refunded' },
    ],
    [
      'an operator’s own words are shown as given',
      { ...license, enabled: false, disabled_reason: 'chargeback pending' },
      { label: 'Disabled', badge: 'negative', reason: 'chargeback pending' },
    ],
    ['disabled with no reason', { ...license, enabled: false }, { label: 'Disabled', badge: 'negative' }],
    [
      'past its end it is expired though enabled',
      { ...license, valid_until: '2026-05-31T23:59:59Z' },
      { label: 'Expired', badge: 'warning' },
    ],
    ['a trial', { ...license, is_trial: true }, { label: 'Trial', badge: 'info' }],
  ])('%s', (_name, input, expected) => {
    expect(toLicenseStatus(input, now)).toEqual(expected);
  });
});

describe('texts', () => {
  it.each([
    [null, 'No end date'],
    ['2027-03-01T00:00:00Z', 'Until 1 Mar 2027'],
    ['2025-12-31T12:00:00Z', 'Ended 31 Dec 2025'],
  ])('validity %s → %s', (validUntil, text) => {
    expect(toValidityText({ valid_until: validUntil }, now)).toBe(text);
  });

  it.each([
    [{ max_activations: 1, floating_cloud: null, max_license_users: null, license_key: 'K' }, '1 activation'],
    [
      { max_activations: 3, floating_cloud: 2, max_license_users: null, license_key: 'K' },
      '3 activations, 2 floating',
    ],
    [{ max_activations: 1, floating_cloud: null, max_license_users: 5, license_key: null }, '5 users'],
  ])('activations %o → %s', (input, text) => {
    expect(toActivationsText(input)).toBe(text);
  });

  it('license types read as words', () => {
    expect(toLicenseTypeText('time-limited')).toBe('Time-limited');
  });
});
