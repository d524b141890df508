import { describe, expect, it } from 'vitest';
import { hubspotRecordUrl, stripeDashboardUrl } from './external-urls';

describe('stripeDashboardUrl', () => {
  it.each([
    ['a test subscription', 'sub_1', false, 'https://dashboard.stripe.com/test/subscriptions/sub_1'],
    ['a live payment', 'pi_9', true, 'https://dashboard.stripe.com/payments/pi_9'],
    ['an invoice', 'in_2', false, 'https://dashboard.stripe.com/test/invoices/in_2'],
    ['a checkout session has no page', 'cs_test_1', false, null],
    ['no id, no link', null, false, null],
  ])('%s', (_rule, id, live, expected) => {
    expect(stripeDashboardUrl(id, live)).toBe(expected);
  });
});

it('hubspotRecordUrl names the portal, object type and record', () => {
  expect(hubspotRecordUrl('123', '2-77', '901')).toBe('https://app.hubspot.com/contacts/123/record/2-77/901');
});
