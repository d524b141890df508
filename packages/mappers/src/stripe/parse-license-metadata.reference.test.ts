import { describe, expect, it } from 'vitest';
import { lintPrice } from './lint-price';
import { makePrice, makeRecurring } from './test-fixtures/make-price';
import { parseCase } from './test-fixtures/parse-case';

const BASE = { short_code: 'APP' };

const BOOLEAN_ATTRIBUTES = [
  ['enable_maintenance_duration', 'enableMaintenanceDuration'],
  ['assign_customer_as_user', 'assignCustomerAsUser'],
  ['is_license_manager', 'isLicenseManager'],
  ['is_single_license', 'isSingleLicense'],
  ['is_product_bundle', 'isProductBundle'],
] as const;

function licensedValue(metadata: Record<string, string>, recurring = false) {
  const result = parseCase({ metadata, recurring });
  if (!result.ok) throw new Error(`refused: ${result.errors.map((e) => e.message).join('; ')}`);
  if (result.value.ignored) throw new Error('ignored');
  return { value: result.value, warnings: result.warnings };
}

describe('booleans: set the value to true to enable; any other value or omitting the key defaults to false', () => {
  it.each(BOOLEAN_ATTRIBUTES)('%s is true only for "true"', (attribute, field) => {
    expect(licensedValue({ ...BASE, [attribute]: 'true' }).value[field]).toBe(true);
    for (const text of ['false', 'yes', 'TRUE', 'True', '1', 'on', '']) {
      expect(licensedValue({ ...BASE, [attribute]: text }).value[field]).toBe(false);
    }
  });

  it.each(BOOLEAN_ATTRIBUTES.filter(([key]) => key !== 'enable_maintenance_duration'))(
    '%s omitted is false',
    (_attribute, field) => {
      expect(licensedValue(BASE).value[field]).toBe(false);
    },
  );

  it('yes or TRUE never fails an order', () => {
    for (const text of ['yes', 'TRUE']) {
      const result = parseCase({ metadata: { ...BASE, is_license_manager: text, is_single_license: text } });
      expect(result.ok).toBe(true);
    }
  });

  it('ignore_product_in_licensespring "yes" does not ignore the price', () => {
    expect(licensedValue({ ...BASE, ignore_product_in_licensespring: 'yes' }).value.ignored).toBe(false);
  });

  it('the price lint reports a value other than "true"/"false" as a warning', () => {
    const price = makePrice({ metadata: { ...BASE, is_license_manager: 'yes', is_single_license: 'false' } });
    expect(lintPrice(price)).toEqual([
      {
        priceId: 'price_123',
        attribute: 'is_license_manager',
        rule: 'boolean',
        severity: 'warning',
        message: 'price price_123: is_license_manager ("yes") is read as false: only "true" enables it',
      },
    ]);
  });
});

describe('enable_maintenance_duration: if the key is omitted, it defaults to the license policy', () => {
  it('omitted is "as the policy says" (undefined), not false', () => {
    expect(licensedValue(BASE).value.enableMaintenanceDuration).toBeUndefined();
  });

  it('"false" is false, so it can switch off maintenance the policy turns on', () => {
    expect(
      licensedValue({ ...BASE, enable_maintenance_duration: 'false' }).value.enableMaintenanceDuration,
    ).toBe(false);
  });

  it('any other value is false too', () => {
    expect(
      licensedValue({ ...BASE, enable_maintenance_duration: 'no' }).value.enableMaintenanceDuration,
    ).toBe(false);
  });
});

describe('valid_duration is not applicable to subscription licenses: the billing period decides', () => {
  it('valid_duration on a recurring price is ignored, never failing the order', () => {
    const { value } = licensedValue({ ...BASE, valid_duration: '1y' }, true);
    expect(value.validDuration).toEqual({ count: 1, unit: 'm' });
  });

  it('the price lint reports valid_duration on a recurring price as a warning', () => {
    const price = makePrice({
      recurring: makeRecurring('month', 1),
      metadata: { ...BASE, valid_duration: '1y' },
    });
    expect(lintPrice(price)).toEqual([
      {
        priceId: 'price_123',
        attribute: 'valid_duration',
        rule: 'duration-from-billing-period',
        severity: 'warning',
        message:
          'price price_123: valid_duration is ignored on a recurring price (its billing period sets the duration)',
      },
    ]);
  });
});

describe('added_days is applicable only to subscription licenses', () => {
  it('added_days on a one-off price is ignored, never failing the order', () => {
    expect(licensedValue({ ...BASE, added_days: '7' }).value.addedDays).toBe(0);
  });

  it('added_days on a recurring price extends the interval', () => {
    expect(licensedValue({ ...BASE, added_days: '7' }, true).value.addedDays).toBe(7);
  });

  it('the price lint reports added_days on a one-off price as a warning', () => {
    expect(lintPrice(makePrice({ metadata: { ...BASE, added_days: '7' } }))).toEqual([
      {
        priceId: 'price_123',
        attribute: 'added_days',
        rule: 'recurring-only',
        severity: 'warning',
        message:
          'price price_123: added_days is ignored on a one-off price (it extends subscription intervals only)',
      },
    ]);
  });
});

describe('custom_field_{NAME} overrides the default value of a custom field the product has', () => {
  it('a known field is overridden', () => {
    const result = parseCase({
      metadata: { ...BASE, custom_field_Serial: '222' },
      customFieldNames: ['Serial'],
    });
    expect(result).toMatchObject({ ok: true, warnings: [], value: { customFields: { Serial: '222' } } });
  });

  it('an unknown name creates nothing and is reported as a likely typo', () => {
    const result = parseCase({
      metadata: { ...BASE, custom_field_Serail: '222' },
      customFieldNames: ['Serial'],
    });
    expect(result).toMatchObject({
      ok: true,
      value: { customFields: {} },
      warnings: [
        {
          attribute: 'custom_field_Serail',
          rule: 'unknown-custom-field',
          severity: 'warning',
          message:
            'price price_123: custom_field_Serail names no custom field of the product (it has: Serial), a likely typo; it is ignored',
        },
      ],
    });
  });

  it('the price lint reports an unknown custom field name when it knows the product', () => {
    const price = makePrice({ metadata: { ...BASE, custom_field_tier: 'gold' } });
    expect(lintPrice(price, { customFieldNames: [] })).toMatchObject([
      { attribute: 'custom_field_tier', rule: 'unknown-custom-field', severity: 'warning' },
    ]);
    expect(lintPrice(price, { customFieldNames: ['tier'] })).toEqual([]);
  });
});
