import { describe, expect, it } from 'vitest';
import { makeCustomer } from './test-sources';
import { toHubspotCompanyProperties, toHubspotContactProperties } from './to-hubspot-customer-properties';

const opts = { links: { publicUrl: 'https://lic.example.com', workspaceSlug: 'default' } };

describe('toHubspotContactProperties', () => {
  it.each([
    ['a person name is split into first and last', {}, { firstname: 'Ada', lastname: 'Lovelace' }],
    ['a single name is a first name', { name: 'Ada' }, { firstname: 'Ada' }],
    [
      'a person at a company keeps their name',
      { name: 'Ada Lovelace', companyName: 'Analytical Engines' },
      { firstname: 'Ada', lastname: 'Lovelace' },
    ],
    [
      'billing email and Stripe id are mirrored',
      {},
      { licensync_billing_email: 'ada@example.com', licensync_stripe_customer_id: 'cus_1' },
    ],
    ['a tax id is mirrored', { taxId: 'DE123' }, { licensync_tax_id: 'DE123' }],
  ])('%s', (_rule, override, expected) => {
    expect(toHubspotContactProperties(makeCustomer(override), opts)).toMatchObject(expected);
  });

  it.each([
    ['an unknown name does not wipe what sales typed', { name: null }],
    ['a company customer name is not a person name', { name: 'Acme GmbH', companyName: 'Acme GmbH' }],
  ])('%s', (_rule, override) => {
    const props = toHubspotContactProperties(makeCustomer(override), opts);
    expect(props).not.toHaveProperty('firstname');
    expect(props).not.toHaveProperty('lastname');
  });
});

describe('toHubspotCompanyProperties', () => {
  it.each([
    ['a person without a company has no company', {}, null],
    [
      'a company customer becomes a company keyed by our id',
      { companyName: 'Acme GmbH', domain: 'acme.test' },
      { name: 'Acme GmbH', domain: 'acme.test', licensync_customer_id: makeCustomer().id },
    ],
    ['a domain alone is enough, named after the customer', { domain: 'acme.test' }, { name: 'Ada Lovelace' }],
  ])('%s', (_rule, override, expected) => {
    const props = toHubspotCompanyProperties(makeCustomer(override), opts);
    if (expected === null) expect(props).toBeNull();
    else expect(props).toMatchObject(expected);
  });
});

describe('links in HubSpot', () => {
  it.each([
    ['a contact', () => toHubspotContactProperties(makeCustomer(), opts)],
    ['a company', () => toHubspotCompanyProperties(makeCustomer({ companyName: 'Acme GmbH' }), opts)!],
  ])('%s links to its console page, not to the admin API', (_kind, props) => {
    expect(props().licensync_customer_url).toBe(
      `https://lic.example.com/console/customers/${makeCustomer().id}?workspace=default`,
    );
    expect(Object.values(props()).some((value) => value.includes('/api/v1/'))).toBe(false);
  });
});
