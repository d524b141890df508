import type { BatchError, BatchWriteResult, HubspotSession } from './hubspot-session';
import { attributeErrors } from './hubspot-session';

/** One `batch/update` call by HubSpot record id (records we are linked to). Results keyed by that id. */
export async function updateRecords(
  session: HubspotSession,
  objectType: string,
  inputs: Array<{ hubspotId: string; properties: Record<string, string> }>,
): Promise<BatchWriteResult> {
  if (inputs.length > 100) throw new Error('HubSpot batch endpoints take at most 100 inputs');
  const result: BatchWriteResult = new Map();
  if (inputs.length === 0) return result;
  const res = await session.call('POST /crm/v3/objects/{objectType}/batch/update', () =>
    session.client.crm.objects.batchApi.updateWithHttpInfo(objectType, {
      inputs: inputs.map((i) => ({ id: i.hubspotId, properties: i.properties })),
    }),
  );
  for (const r of res.data.results) result.set(r.id, { hubspotId: r.id, created: false });
  const errors = ('errors' in res.data ? res.data.errors : undefined) as BatchError[] | undefined;
  return attributeErrors(
    result,
    inputs.map((i) => i.hubspotId),
    errors ?? [],
  );
}
