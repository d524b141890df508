import { describe, expect, it } from 'vitest';
import { toHubspotDealId } from './to-hubspot-deal-id';

describe('toHubspotDealId', () => {
  it.each<[string, (Record<string, string> | null | undefined)[], string | null]>([
    ['a deal id is read', [{ hubspot_deal_id: '9001' }], '9001'],
    ['spaces around it are dropped', [{ hubspot_deal_id: ' 9001 ' }], '9001'],
    ['the first object naming one wins', [{}, { hubspot_deal_id: '7' }, { hubspot_deal_id: '8' }], '7'],
    ['an empty value names none', [{ hubspot_deal_id: '' }, { hubspot_deal_id: '8' }], '8'],
    ['a value that is no record id is ignored', [{ hubspot_deal_id: 'deal-12' }], null],
    ['no metadata names none', [null, undefined, {}], null],
  ])('%s', (_rule, metadatas, expected) => {
    expect(toHubspotDealId(...metadatas)).toBe(expected);
  });
});
