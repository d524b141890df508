import type { BatchError, BatchWriteResult, HubspotSession } from './hubspot-session';
import { attributeErrors } from './hubspot-session';
import { writeInHalves } from './write-in-halves';

export interface UpsertInput {
  /** Value of `idProperty`; unique within one call (HubSpot refuses duplicates). */
  id: string;
  properties: Record<string, string>;
}

/**
 * One `batch/upsert` call (≤100 inputs) keyed by a unique property, split in halves when HubSpot
 * refuses the whole batch. Upserts carry no associations in HubSpot's API, so the caller
 * associates afterwards. Returns the result per input `id`.
 */
export async function upsertRecords(
  session: HubspotSession,
  objectType: string,
  idProperty: string,
  inputs: UpsertInput[],
): Promise<BatchWriteResult> {
  if (inputs.length > 100) throw new Error('HubSpot batch endpoints take at most 100 inputs');
  if (inputs.length === 0) return new Map();
  // Contacts' email matches case-insensitively and comes back lower-cased.
  const normalize = idProperty === 'email' ? (id: string) => id.trim().toLowerCase() : (id: string) => id;
  const keyOf = new Map(inputs.map((i) => [normalize(i.id), i.id]));
  return writeInHalves(
    inputs,
    (i) => i.id,
    async (chunk) => {
      const res = await session.call('POST /crm/v3/objects/{objectType}/batch/upsert', () =>
        session.client.crm.objects.batchApi.upsertWithHttpInfo(objectType, {
          inputs: chunk.map((i) => ({ idProperty, id: i.id, properties: i.properties })),
        }),
      );
      const result: BatchWriteResult = new Map();
      for (const r of res.data.results) {
        const key = keyOf.get(normalize(r.properties[idProperty] ?? ''));
        if (key !== undefined) result.set(key, { hubspotId: r.id, created: r._new });
      }
      const errors = ('errors' in res.data ? res.data.errors : undefined) as BatchError[] | undefined;
      return attributeErrors(
        result,
        chunk.map((i) => i.id),
        errors ?? [],
        normalize,
      );
    },
  );
}
