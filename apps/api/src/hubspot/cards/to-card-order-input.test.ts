import { describe, expect, it } from 'vitest';
import { toOrderCustomer } from './to-card-order-input';

const ada = { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' };

describe('toOrderCustomer', () => {
  it.each([
    [
      'a new contact becomes a customer from its email, names and company',
      { type: 'contact' as const, data: { ...ada, company: { name: 'Engines', domain: 'engines.io' } } },
      null,
      { ...ada, customerType: 'individual', company: { name: 'Engines', domain: 'engines.io' } },
    ],
    [
      'a new contact without a company has none',
      { type: 'contact' as const, data: ada },
      null,
      { ...ada, customerType: 'individual' },
    ],
    [
      'a connected contact orders on its customer',
      { type: 'contact' as const, data: ada },
      { kind: 'customer' as const, customerId: 'c1' },
      { id: 'c1' },
    ],
    [
      "a connected contact's company still travels, so a blank name is refused",
      { type: 'contact' as const, data: { ...ada, company: { name: '' } } },
      { kind: 'customer' as const, customerId: 'c1' },
      { id: 'c1', company: { name: '', domain: null } },
    ],
    [
      'a new company becomes an account, issued to its contact',
      {
        type: 'company' as const,
        data: { name: 'Initech', domain: 'initech.com', contact: { email: 'bill@initech.com' } },
      },
      null,
      {
        email: 'bill@initech.com',
        firstName: undefined,
        lastName: undefined,
        customerType: 'company',
        company: { name: 'Initech', domain: 'initech.com' },
      },
    ],
    [
      'a connected company orders on its account',
      { type: 'company' as const, data: { name: 'Initech' } },
      { kind: 'customer_account' as const, accountId: 'a1' },
      { accountId: 'a1', email: undefined, customerType: 'company' },
    ],
    [
      'a connected company with a blank name carries it, to be refused',
      { type: 'company' as const, data: { name: ' ' } },
      { kind: 'customer_account' as const, accountId: 'a1' },
      { accountId: 'a1', company: { name: ' ' } },
    ],
  ])('%s', (_rule, record, connection, expected) => {
    expect(toOrderCustomer(record, connection)).toEqual(expected);
  });
});
