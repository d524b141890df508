import { describe, expect, it } from 'vitest';
import { toHistoryQuery } from './to-history-query';

describe('toHistoryQuery', () => {
  it.each([
    ['an email', 'Ann@Example.com', { customer_email: 'Ann@Example.com' }],
    [
      'a license id',
      '6F1C2B3A-0000-4000-8000-000000000001',
      { license_id: '6f1c2b3a-0000-4000-8000-000000000001' },
    ],
    ['a license key', 'K7PQ-3MXA-9TRD-W2HE', { license_key: 'K7PQ-3MXA-9TRD-W2HE' }],
    ['a Stripe customer id', 'cus_Q1w2E3', { stripe_id: 'cus_Q1w2E3' }],
    ['a Stripe subscription id', 'sub_1Abc', { stripe_id: 'sub_1Abc' }],
    ['a HubSpot record id', '5101', { hubspot_object_id: '5101' }],
    ['padding around it', '  cus_X  ', { stripe_id: 'cus_X' }],
  ])('%s', (_name, ref, query) => {
    expect(toHistoryQuery(ref)).toEqual(query);
  });

  it.each(['', 'hello world', 'k7pq-3mxa'])('refuses %j', (ref) => {
    expect(toHistoryQuery(ref)).toBeNull();
  });
});
