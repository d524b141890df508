import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects';
import type { HubspotSession } from './hubspot-session';

/**
 * Existing companies by domain (lower-cased domain → record id), one search call per 100 domains.
 * Search has its own 5/s limit and indexes a few seconds late, so this is only used to adopt a
 * company sales created before we knew the customer; our own companies are found by link.
 */
export function findCompaniesByDomain(
  session: HubspotSession,
  domains: string[],
): Promise<Map<string, string>> {
  return findCompaniesBy(session, 'domain', domains);
}

/** The same by company name, for customers with no domain to go by. */
export function findCompaniesByName(session: HubspotSession, names: string[]): Promise<Map<string, string>> {
  return findCompaniesBy(session, 'name', names);
}

async function findCompaniesBy(
  session: HubspotSession,
  property: 'domain' | 'name',
  keys: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const wanted = [...new Set(keys.map((d) => d.trim().toLowerCase()).filter(Boolean))];
  for (let i = 0; i < wanted.length; i += 100) {
    const values = wanted.slice(i, i + 100);
    const res = await session.call(
      'POST /crm/v3/objects/{objectType}/search',
      () =>
        session.client.crm.objects.searchApi.doSearchWithHttpInfo('0-2', {
          filterGroups: [{ filters: [{ propertyName: property, operator: FilterOperatorEnum.In, values }] }],
          properties: [property],
          sorts: [],
          limit: 100,
          after: '0',
        }),
      'search',
    );
    for (const r of res.data.results) {
      const key = r.properties[property]?.toLowerCase();
      if (key && !found.has(key)) found.set(key, r.id);
    }
  }
  return found;
}
