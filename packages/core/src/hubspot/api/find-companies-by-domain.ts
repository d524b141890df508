import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects';
import type { HubspotSession } from './hubspot-session';

/**
 * Existing companies by domain (lower-cased domain → record id), one search call per 100 domains.
 * Search has its own 5/s limit and indexes a few seconds late, so this is only used to adopt a
 * company sales created before we knew the customer; our own companies are found by link.
 */
export async function findCompaniesByDomain(
  session: HubspotSession,
  domains: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const wanted = [...new Set(domains.map((d) => d.trim().toLowerCase()).filter(Boolean))];
  for (let i = 0; i < wanted.length; i += 100) {
    const values = wanted.slice(i, i + 100);
    const res = await session.call(
      'POST /crm/v3/objects/{objectType}/search',
      () =>
        session.client.crm.objects.searchApi.doSearchWithHttpInfo('0-2', {
          filterGroups: [{ filters: [{ propertyName: 'domain', operator: FilterOperatorEnum.In, values }] }],
          properties: ['domain'],
          sorts: [],
          limit: 100,
          after: '0',
        }),
      'search',
    );
    for (const r of res.data.results) {
      const domain = r.properties.domain?.toLowerCase();
      if (domain && !found.has(domain)) found.set(domain, r.id);
    }
  }
  return found;
}
