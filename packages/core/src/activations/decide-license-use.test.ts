import { describe, expect, it } from 'vitest';
import { appReleasedAt } from './app-released-at';
import { decideLicenseUse, type LicenseUseFacts } from './decide-license-use';

const now = new Date('2026-06-01T00:00:00Z');
const before = new Date('2026-05-01T00:00:00Z');
const after = new Date('2026-07-01T00:00:00Z');
const license = (o: Partial<LicenseUseFacts> = {}): LicenseUseFacts => ({
  enabled: true,
  disabledReason: null,
  licenseType: 'time-limited',
  validUntil: after,
  maintenanceUntil: null,
  ...o,
});

describe('decideLicenseUse', () => {
  it.each([
    ['an enabled license within its validity works', license(), null, null],
    [
      'a disabled license is refused with its reason',
      license({ enabled: false, disabledReason: 'refunded' }),
      null,
      'license_disabled',
    ],
    [
      "a disabled license without a reason counts as the operator's",
      license({ enabled: false }),
      null,
      'license_disabled',
    ],
    [
      'a time-limited license past valid_until is expired',
      license({ validUntil: before }),
      null,
      'license_expired',
    ],
    [
      'a subscription license past valid_until is expired',
      license({ licenseType: 'subscription', validUntil: before }),
      null,
      'license_expired',
    ],
    ['valid_until exactly now has ended', license({ validUntil: now }), null, 'license_expired'],
    [
      'a perpetual license never expires',
      license({ licenseType: 'perpetual', validUntil: before }),
      null,
      null,
    ],
    ['disabled wins over expired', license({ enabled: false, validUntil: before }), null, 'license_disabled'],
    [
      'a version released after maintenance ended is refused',
      license({ maintenanceUntil: before }),
      now,
      'maintenance_expired',
    ],
    ['a version released before maintenance ended works', license({ maintenanceUntil: now }), before, null],
    [
      'an unknown release date does not enforce maintenance',
      license({ maintenanceUntil: before }),
      null,
      null,
    ],
    ['no maintenance term, no maintenance check', license(), after, null],
  ])('%s', (_rule, facts, released, reason) => {
    expect(decideLicenseUse(facts, { now, appReleasedAt: released })?.reason ?? null).toBe(reason);
  });

  it('says why a license is disabled', () => {
    const refusal = decideLicenseUse(license({ enabled: false, disabledReason: 'refunded' }), {
      now,
      appReleasedAt: null,
    });
    expect(refusal).toMatchObject({
      detail: { disabled_reason: 'refunded' },
      message: expect.stringContaining('refunded'),
    });
  });
});

describe('appReleasedAt', () => {
  it.each([
    ["the vendor's date wins over the app's", '2026-01-01T00:00:00Z', after, '2026-01-01T00:00:00.000Z'],
    ["an undeclared version uses the app's date", null, after, after.toISOString()],
    ['neither: unknown', null, null, null],
  ])('%s', (_rule, declared, reported, expected) => {
    expect(appReleasedAt(declared, reported)?.toISOString() ?? null).toBe(expected);
  });
});
