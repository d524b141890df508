import type { HubspotSession } from './hubspot-session';

/**
 * Properties of records by HubSpot id (`id → properties`), in batch reads of ≤100; a record
 * HubSpot does not return (deleted, merged away) is absent from the map.
 */
export async function readRecords(
  session: HubspotSession,
  objectType: string,
  ids: string[],
  properties: string[],
): Promise<Map<string, Record<string, string | null>>> {
  const found = new Map<string, Record<string, string | null>>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 100) {
    const inputs = unique.slice(i, i + 100).map((id) => ({ id }));
    const res = await session.call('POST /crm/v3/objects/{objectType}/batch/read', () =>
      session.client.crm.objects.batchApi.readWithHttpInfo(
        objectType,
        { inputs, properties, propertiesWithHistory: [] },
        false,
      ),
    );
    for (const r of res.data.results) found.set(r.id, r.properties);
  }
  return found;
}
