import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { LicenseMetadata } from './license-metadata';
import type { LicenseSource } from './license-request';
import { parseLicenseMetadata } from './parse-license-metadata';
import { makePrice, makeRecurring } from './test-fixtures/make-price';
import { type ToLicenseRequestsInput, toLicenseRequests } from './to-license-requests';

function metadataOf(metadata: Stripe.Metadata, recurring?: Stripe.Price.Recurring): LicenseMetadata {
  const result = parseLicenseMetadata(makePrice({ metadata, recurring: recurring ?? null }));
  if (!result.ok) throw new Error(result.errors.map((problem) => problem.message).join('\n'));
  return result.value;
}

const NOW = new Date('2026-01-31T09:00:00Z');
const CHECKOUT: LicenseSource = { kind: 'checkout_session', id: 'cs_1' };

function requests(metadata: Stripe.Metadata, overrides: Partial<ToLicenseRequestsInput> = {}) {
  return toLicenseRequests({
    metadata: metadataOf(metadata),
    quantity: 1,
    lineItemId: 'li_1',
    source: CHECKOUT,
    authorizationMethod: 'license-key',
    now: NOW,
    ...overrides,
  });
}

describe('toLicenseRequests expands quantity', () => {
  it('one license per unit, each with its own idempotency key', () => {
    expect(requests({ short_code: 'APP' }, { quantity: 3 })).toMatchObject([
      { kind: 'license', unitIndex: 0, idempotencyKey: 'checkout_session:cs_1:li_1:0', shortCode: 'APP' },
      { kind: 'license', unitIndex: 1, idempotencyKey: 'checkout_session:cs_1:li_1:1' },
      { kind: 'license', unitIndex: 2, idempotencyKey: 'checkout_session:cs_1:li_1:2' },
    ]);
  });

  it.each<[string, LicenseSource, string]>([
    ['checkout sessions', { kind: 'checkout_session', id: 'cs_9' }, 'checkout_session:cs_9:li_1:0'],
    ['invoices', { kind: 'invoice', id: 'in_9' }, 'invoice:in_9:li_1:0'],
    ['subscriptions', { kind: 'subscription', id: 'sub_9' }, 'subscription:sub_9:li_1:0'],
  ])('idempotency key for %s', (_kind, source, key) => {
    expect(requests({ short_code: 'APP' }, { source })).toMatchObject([{ idempotencyKey: key }]);
  });

  it.each<[string, Stripe.Metadata, Partial<ToLicenseRequestsInput>, Record<string, unknown>]>([
    [
      'is_single_license on a license-key product sets max activations',
      { short_code: 'APP', is_single_license: 'true' },
      {},
      {
        maxActivations: 5,
        maxLicenseUsers: undefined,
        maxFloatingUsers: undefined,
      },
    ],
    [
      'is_single_license on a user product sets max license users',
      { short_code: 'APP', is_single_license: 'true' },
      {
        authorizationMethod: 'user',
      },
      { maxLicenseUsers: 5, maxActivations: undefined },
    ],
    [
      'floating_users_from_quantity sets max floating users',
      {
        short_code: 'APP',
        is_single_license: 'true',
        floating_cloud: '1',
        floating_users_from_quantity: 'true',
      },
      { authorizationMethod: 'user' },
      { maxLicenseUsers: 5, maxFloatingUsers: 5, floatingCloud: 1 },
    ],
  ])('%s', (_rule, metadata, overrides, expected) => {
    const result = requests(metadata, { quantity: 5, ...overrides });
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      unitIndex: 0,
      idempotencyKey: 'checkout_session:cs_1:li_1:0',
      ...expected,
    });
  });

  it('a bundle yields one marker for the caller to expand', () => {
    const metadata = metadataOf({ short_code: 'SUITE', is_product_bundle: 'true' });
    const result = toLicenseRequests({
      metadata,
      quantity: 2,
      lineItemId: 'li_1',
      source: CHECKOUT,
      authorizationMethod: 'license-key',
      now: NOW,
    });
    expect(result).toEqual([{ kind: 'bundle', source: CHECKOUT, lineItemId: 'li_1', quantity: 2, metadata }]);
  });

  it.each([
    ['an ignored price yields nothing', { ignore_product_in_licensespring: 'true' }, 3],
    ['zero quantity yields nothing', { short_code: 'APP' }, 0],
  ])('%s', (_rule, metadata, quantity) => {
    expect(requests(metadata, { quantity })).toEqual([]);
  });

  it.each([-1, 1.5, Number.NaN])('quantity %s is a caller bug', (quantity) => {
    expect(() => requests({ short_code: 'APP' }, { quantity })).toThrow(RangeError);
  });
});

describe('toLicenseRequests dates', () => {
  it.each<[string, Stripe.Metadata, Partial<ToLicenseRequestsInput>, Record<string, unknown>]>([
    [
      'time-limited runs for valid_duration (month end clamps)',
      { short_code: 'A', license_type: 'time-limited', valid_duration: '1m' },
      {},
      {
        startsAt: NOW,
        validUntil: new Date('2026-02-28T09:00:00Z'),
      },
    ],
    [
      'perpetual has no end even with a duration',
      { short_code: 'A', license_type: 'perpetual', valid_duration: '1y' },
      {},
      {
        validUntil: undefined,
      },
    ],
    ['no duration leaves the end to the policy', { short_code: 'A' }, {}, { validUntil: undefined }],
    [
      'maintenance runs when enabled',
      { short_code: 'A', maintenance_duration: '1y', enable_maintenance_duration: 'true' },
      {},
      {
        maintenanceUntil: new Date('2027-01-31T09:00:00Z'),
        enableMaintenanceDuration: true,
      },
    ],
    [
      'maintenance without enable_maintenance_duration has no end',
      { short_code: 'A', maintenance_duration: '1y' },
      {},
      {
        maintenanceDuration: { count: 1, unit: 'y' },
        maintenanceUntil: undefined,
      },
    ],
    [
      'billingPeriod overrides a subscription duration',
      { short_code: 'A', license_type: 'subscription', valid_duration: '1y' },
      {
        billingPeriod: { count: 1, unit: 'w' },
      },
      { validDuration: { count: 1, unit: 'w' }, validUntil: new Date('2026-02-07T09:00:00Z') },
    ],
  ])('%s', (_rule, metadata, overrides, expected) => {
    expect(requests(metadata, overrides)[0]).toMatchObject(expected);
  });

  it('a recurring price runs for its billing period plus added_days', () => {
    const metadata = metadataOf({ short_code: 'A', added_days: '3' }, makeRecurring('year', 1));
    const [request] = toLicenseRequests({
      metadata,
      quantity: 1,
      lineItemId: 'si_1',
      source: { kind: 'invoice', id: 'in_1' },
      authorizationMethod: 'user',
      now: NOW,
    });
    expect(request).toMatchObject({
      licenseType: undefined,
      recurring: true,
      validDuration: { count: 1, unit: 'y' },
      addedDays: 3,
      validUntil: new Date('2027-02-03T09:00:00Z'),
    });
  });

  it('passes the remaining attributes through', () => {
    const [request] = requests({
      short_code: 'A',
      license_policy: 'pro',
      max_activations: '4',
      floating_cloud: '2',
      is_license_manager: 'true',
      unpaid_active_license_period: '7d',
      custom_field_edition: 'Pro',
    });
    expect(request).toMatchObject({
      licensePolicy: 'pro',
      maxActivations: 4,
      floatingCloud: 2,
      isLicenseManager: true,
      assignCustomerAsUser: false,
      unpaidActiveLicensePeriod: { count: 7, unit: 'd' },
      customFields: { edition: 'Pro' },
    });
  });
});
