import type { HubspotSession } from './hubspot-session';

/** HubSpot's page cap for one record's associations. */
const PAGE = 500;

/**
 * The ids of the `toType` records associated with one record, in HubSpot's order, at most `max`
 * (a deal card shows a handful of records, not a deal's every contact).
 */
export async function readAssociatedIds(
  session: HubspotSession,
  fromType: string,
  fromId: string,
  toType: string,
  max = PAGE,
): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const res = await session.call(
      'GET /crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}',
      () =>
        session.client.crm.associations.v4.basicApi.getPageWithHttpInfo(
          fromType,
          fromId,
          toType,
          after,
          Math.min(PAGE, max),
        ),
    );
    for (const r of res.data.results) ids.push(String(r.toObjectId));
    after = res.data.paging?.next?.after;
  } while (after && ids.length < max);
  return ids.slice(0, max);
}
