import { describe, expect, it } from 'vitest';
import { BackendError, errorFromAnswer } from '../src/app/cards/lib/backend-error';
import { changesToSend, diffFields, formatValue } from '../src/app/cards/lib/changed-fields';
import { fromIsoDay, toIsoDay, toIsoTimestamp } from '../src/app/cards/lib/dates';
import {
  editableField,
  formatField,
  licenseStatus,
  normaliseFields,
} from '../src/app/cards/lib/license-fields';
import { overridesToSend } from '../src/app/cards/lib/overrides';
import { buildRecord, recordFromContext, similarQuery } from '../src/app/cards/lib/record';
import { license, products } from './support/fixtures';

describe('recordFromContext', () => {
  it.each([
    [
      { objectId: 1, objectTypeId: '0-1' },
      { objectType: 'contact', objectId: '1' },
    ],
    [
      { objectId: '2', objectTypeId: '0-2' },
      { objectType: 'company', objectId: '2' },
    ],
    [
      { objectId: 3, objectTypeId: '0-3' },
      { objectType: 'deal', objectId: '3' },
    ],
  ])('%o → %o', (crm, expected) => expect(recordFromContext(crm)).toEqual(expected));

  it('refuses other objects', () => {
    expect(() => recordFromContext({ objectId: 4, objectTypeId: '0-5' })).toThrow('not 0-5');
  });
});

describe('buildRecord', () => {
  it.each([
    [
      'contact with an associated company',
      'contact',
      { email: ' ada@example.com ', firstname: 'Ada', lastname: '', company: 'Prop Co' },
      { name: 'Analytical', domain: 'analytical.example' },
      {
        email: 'ada@example.com',
        firstName: 'Ada',
        lastName: undefined,
        company: { name: 'Analytical', domain: 'analytical.example' },
      },
    ],
    [
      'contact with only the company property',
      'contact',
      { email: 'ada@example.com', company: 'Prop Co' },
      undefined,
      { email: 'ada@example.com', firstName: undefined, lastName: undefined, company: { name: 'Prop Co' } },
    ],
    [
      'contact with no company at all',
      'contact',
      { email: 'ada@example.com', company: '  ' },
      undefined,
      { email: 'ada@example.com', firstName: undefined, lastName: undefined, company: null },
    ],
    [
      'contact whose associated company has no name (the backend answers "Company name can\'t be empty")',
      'contact',
      { email: 'ada@example.com' },
      { name: null, domain: '' },
      {
        email: 'ada@example.com',
        firstName: undefined,
        lastName: undefined,
        company: { name: '', domain: null },
      },
    ],
    [
      'company with a contact',
      'company',
      { name: 'Analytical', domain: 'analytical.example' },
      { email: 'ada@example.com', firstname: 'Ada', lastname: 'L' },
      {
        name: 'Analytical',
        domain: 'analytical.example',
        contact: { email: 'ada@example.com', firstName: 'Ada', lastName: 'L' },
      },
    ],
    [
      'company without a contact',
      'company',
      { name: 'Analytical', domain: null },
      undefined,
      { name: 'Analytical', domain: null },
    ],
  ] as const)('%s', (_name, objectType, own, associated, expected) => {
    expect(buildRecord(objectType, own, associated)).toEqual(expected);
  });
});

describe('similarQuery', () => {
  it.each([
    [
      'contact',
      { email: 'a@b.c', firstname: 'Ada', lastname: 'Lovelace' },
      { email: 'a@b.c', name: 'Ada Lovelace' },
    ],
    ['contact', { email: '', firstname: 'Ada', lastname: null }, { name: 'Ada' }],
    [
      'company',
      { name: 'Analytical', domain: 'analytical.example' },
      { name: 'Analytical', domain: 'analytical.example' },
    ],
    ['company', { name: ' ', domain: null }, {}],
  ] as const)('%s %o', (objectType, own, expected) =>
    expect(similarQuery(objectType, own)).toEqual(expected),
  );
});

describe('overridesToSend', () => {
  const policy = products[0]!.policies![1]!;
  it.each([
    [
      'keeps set values, drops empty ones',
      { validDuration: '1y', maxActivations: 2, features: [], validUntil: null },
      { validDuration: '1y', maxActivations: 2 },
    ],
    [
      'an end date replaces the default duration',
      { validDuration: '1y', validUntil: '2027-01-31' },
      { validUntil: '2027-01-31' },
    ],
    [
      'custom fields: only the filled ones',
      { customFields: { seat: 'B', other: '' } },
      { customFields: { seat: 'B' } },
    ],
    ['all custom fields empty: not sent', { customFields: { seat: '' } }, {}],
    [
      'fields the policy does not have are not sent',
      { isSingleLicense: true, maxActivations: 1 },
      { maxActivations: 1 },
    ],
  ])('%s', (_name, values, expected) => expect(overridesToSend(policy, values)).toEqual(expected));
});

describe('diffFields / changesToSend', () => {
  const original = { maxActivations: 3, validUntil: '2099-12-31T00:00:00.000Z', isTrial: false };
  it.each([
    ['nothing changed', { maxActivations: 3, isTrial: false }, []],
    ['a number changed', { maxActivations: 5 }, [{ field: 'maxActivations', from: 3, to: 5 }]],
    ['"3" is 3', { maxActivations: '3' }, []],
    [
      'a date cleared',
      { validUntil: null },
      [{ field: 'validUntil', from: '2099-12-31T00:00:00.000Z', to: null }],
    ],
  ])('%s', (_name, draft, expected) => {
    expect(diffFields(original, draft)).toEqual(expected);
    expect(changesToSend(diffFields(original, draft))).toEqual(
      Object.fromEntries(expected.map((c) => [c.field, c.to])),
    );
  });

  it('lists the changes in the form’s order', () => {
    const changes = diffFields(original, { maxActivations: 5, validUntil: '2100-01-01' }, [
      'validUntil',
      'maxActivations',
    ]);
    expect(changes.map((c) => c.field)).toEqual(['validUntil', 'maxActivations']);
  });

  it.each([
    [null, '(empty)'],
    ['', '(empty)'],
    [true, 'Yes'],
    [5, '5'],
    ['2027-01-31T00:00:00.000Z', '2027-01-31'],
    ['2027-01-31T10:30:00.000Z', '2027-01-31 10:30 UTC'],
  ])('formatValue(%o) = %s', (value, text) => expect(formatValue(value)).toBe(text));
});

describe('license fields', () => {
  it.each([
    [{}, 'Active', 'success'],
    [{ enabled: false }, 'Disabled', 'danger'],
    [{ enabled: false, disabledReason: 'refunded' }, 'Disabled: refunded', 'danger'],
    [{ validUntil: '2001-01-01T00:00:00.000Z' }, 'Expired', 'warning'],
  ] as const)('status of %o', (overrides, text, variant) => {
    expect(licenseStatus(license(overrides))).toEqual({ text, variant });
  });

  it.each([
    ['validUntil', {}, '2099-12-31'],
    ['validUntil', { validUntil: null }, 'Perpetual'],
    ['maxActivations', { maxActivations: null }, 'Unlimited'],
    ['isTrial', { isTrial: true }, 'Yes'],
    ['policyName', { policyName: null }, '—'],
    ['createdAt', {}, '2026-11-01'],
  ] as const)('formatField %s of %o', (field, overrides, text) => {
    expect(formatField(license(overrides), field)).toBe(text);
  });

  it('keeps the catalogue order and drops unknown fields', () => {
    expect(normaliseFields(['validUntil', 'bogus', 'key'])).toEqual(['key', 'validUntil']);
  });

  it.each([
    ['validUntil', { name: 'validUntil', label: 'Valid until', type: 'date' }],
    ['isTrial', { name: 'isTrial', label: 'Trial', type: 'boolean' }],
    ['maxConsumptions', { name: 'maxConsumptions', label: 'Max consumptions', type: 'number' }],
    ['allowOverages', { name: 'allowOverages', label: 'Allow overages', type: 'boolean' }],
    ['maxOverages', { name: 'maxOverages', label: 'Max overages', type: 'number' }],
    ['somethingNew', { name: 'somethingNew', label: 'somethingNew', type: 'string' }],
    [
      { name: 'maxActivations', label: 'Seats' },
      { name: 'maxActivations', label: 'Seats', type: 'number' },
    ],
  ] as const)('editableField(%o)', (given, expected) => expect(editableField(given)).toEqual(expected));
});

describe('dates', () => {
  it.each([
    [{ year: 2027, month: 0, date: 5 }, '2027-01-05'],
    [{ year: 2026, month: 11, date: 31 }, '2026-12-31'],
  ])('%o ⇄ %s', (picked, iso) => {
    expect(toIsoDay(picked)).toBe(iso);
    expect(fromIsoDay(iso)).toEqual(picked);
    // What licensync stores: midnight UTC of that day.
    expect(toIsoTimestamp(picked)).toBe(`${iso}T00:00:00.000Z`);
    expect(fromIsoDay(toIsoTimestamp(picked))).toEqual(picked);
  });

  it('reads the day of an ISO timestamp and nothing else', () => {
    expect(fromIsoDay('2099-12-31T00:00:00.000Z')).toEqual({ year: 2099, month: 11, date: 31 });
    expect(fromIsoDay('soon')).toBeUndefined();
    expect(toIsoDay(null)).toBeNull();
  });
});

describe('errorFromAnswer', () => {
  it.each([
    [
      422,
      { error: { code: 'unprocessable', message: "Company name can't be empty" } },
      "Company name can't be empty",
      'unprocessable',
    ],
    [
      401,
      { error: { code: 'bad_signature' } },
      'licensync refused the request signature (401).',
      'unauthorized',
    ],
    [404, null, 'Not found in licensync (404).', 'not_found'],
    [429, null, 'Too many requests right now; try again in a moment.', 'rate_limited'],
    [502, '<html>', 'licensync failed (502); try again in a moment.', 'server_error'],
    [418, {}, 'licensync answered 418.', 'error'],
  ])('%i %o', (status, body, message, code) => {
    const error = errorFromAnswer(status, body);
    expect(error).toBeInstanceOf(BackendError);
    expect([error.message, error.code, error.status]).toEqual([message, code, status]);
  });
});
