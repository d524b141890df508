import type { HubspotSession } from './hubspot-session';

export interface AssociationPair {
  fromId: string;
  toId: string;
}

/**
 * Creates unlabeled (default) associations in `batch/associate/default` calls of ≤100 pairs; the
 * custom objects' typeIds differ per portal and this endpoint needs none. Returns the failures as
 * `fromId → HubSpot's message`; a batch HubSpot refuses as a whole fails each of its pairs.
 */
export async function associateRecords(
  session: HubspotSession,
  fromType: string,
  toType: string,
  pairs: AssociationPair[],
): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  for (let i = 0; i < pairs.length; i += 100) {
    const chunk = pairs.slice(i, i + 100);
    const res = await session.call(
      'POST /crm/v4/associations/{fromObjectType}/{toObjectType}/batch/associate/default',
      () =>
        session.client.crm.associations.v4.batchApi.createDefaultWithHttpInfo(fromType, toType, {
          // The SDK names the wire field `from` as `_from`.
          inputs: chunk.map((p) => ({ _from: { id: p.fromId }, to: { id: p.toId } })),
        }),
    );
    const errors = ('errors' in res.data ? res.data.errors : undefined) ?? [];
    for (const e of errors) {
      for (const id of e.context?.fromObjectId ?? []) failed.set(id, e.message);
    }
  }
  return failed;
}
