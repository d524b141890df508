import type { BatchError, BatchWriteResult, HubspotSession } from './hubspot-session';
import { attributeErrors } from './hubspot-session';
import { writeInHalves } from './write-in-halves';

/**
 * One `batch/update` call by HubSpot record id (records we are linked to), split in halves when
 * HubSpot refuses the whole batch. Results keyed by that id; a deleted record comes back as an
 * error with category `OBJECT_NOT_FOUND`.
 */
export async function updateRecords(
  session: HubspotSession,
  objectType: string,
  inputs: Array<{ hubspotId: string; properties: Record<string, string> }>,
): Promise<BatchWriteResult> {
  if (inputs.length > 100) throw new Error('HubSpot batch endpoints take at most 100 inputs');
  if (inputs.length === 0) return new Map();
  return writeInHalves(
    inputs,
    (i) => i.hubspotId,
    async (chunk) => {
      const res = await session.call('POST /crm/v3/objects/{objectType}/batch/update', () =>
        session.client.crm.objects.batchApi.updateWithHttpInfo(objectType, {
          inputs: chunk.map((i) => ({ id: i.hubspotId, properties: i.properties })),
        }),
      );
      const result: BatchWriteResult = new Map();
      for (const r of res.data.results) result.set(r.id, { hubspotId: r.id, created: false });
      const errors = ('errors' in res.data ? res.data.errors : undefined) as BatchError[] | undefined;
      return attributeErrors(
        result,
        chunk.map((i) => i.hubspotId),
        errors ?? [],
      );
    },
  );
}
