import { describe, expect, it } from 'vitest';
import { customerHubspotObject } from './customer-hubspot-object';

describe('customerHubspotObject', () => {
  it.each([
    ['an individual is a contact, whatever the default', 'individual', 'company', 'contact'],
    ['a company is a company, whatever the default', 'company', 'contact', 'company'],
    ['an undefined type takes the default contact', null, 'contact', 'contact'],
    ['an undefined type takes the default company', null, 'company', 'company'],
  ] as const)('%s', (_rule, type, fallback, expected) => {
    expect(customerHubspotObject(type, fallback)).toBe(expected);
  });
});
