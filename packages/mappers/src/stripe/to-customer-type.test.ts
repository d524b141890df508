import { describe, expect, it } from 'vitest';
import { type CustomerTypeFields, toCustomerType } from './to-customer-type';

const customer = (o: Partial<CustomerTypeFields> = {}): CustomerTypeFields => ({ metadata: {}, ...o });

describe('toCustomerType', () => {
  it.each([
    [
      'metadata customer_type=company is a company',
      customer({ metadata: { customer_type: 'company' } }),
      'company',
    ],
    [
      'metadata customer_type=individual is a person',
      customer({ metadata: { customer_type: 'individual' } }),
      'individual',
    ],
    ['the metadata is read in any case', customer({ metadata: { customer_type: ' Company ' } }), 'company'],
    [
      'the metadata wins over a business name',
      customer({ metadata: { customer_type: 'individual' }, business_name: 'Acme GmbH' }),
      'individual',
    ],
    ["Stripe's business name makes a company", customer({ business_name: 'Acme GmbH' }), 'company'],
    ["Stripe's individual name makes a person", customer({ individual_name: 'Ada Lovelace' }), 'individual'],
    ['nothing said is undefined (the default object decides)', customer(), null],
    ['an unknown metadata value says nothing', customer({ metadata: { customer_type: 'reseller' } }), null],
  ])('%s', (_rule, fields, expected) => {
    expect(toCustomerType(fields)).toBe(expected);
  });
});
