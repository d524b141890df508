import type { DealAssociations, DealRecord } from '@licensync/core/deals';
import { type HubspotSession, readAssociatedIds, readRecords } from '@licensync/hubspot';

/** A card shows a handful of records per deal; a deal with more gets the first ones HubSpot lists. */
export const MAX_DEAL_RECORDS = 20;
/**
 * How many associated ids are counted for the card's "N more" (ids only, 500 a page, so two
 * calls at most); a deal with even more says "at least" this many.
 */
export const MAX_COUNTED_RECORDS = 1000;

/**
 * A deal's associated contacts and companies with their names: two association reads and two
 * batch reads, all through the portal's limiter.
 */
export async function readDealAssociations(
  session: HubspotSession,
  dealId: string,
): Promise<DealAssociations> {
  const [allContactIds, allCompanyIds] = await Promise.all([
    readAssociatedIds(session, '0-3', dealId, '0-1', MAX_COUNTED_RECORDS),
    readAssociatedIds(session, '0-3', dealId, '0-2', MAX_COUNTED_RECORDS),
  ]);
  // Names are read only for the records a card shows.
  const contactIds = allContactIds.slice(0, MAX_DEAL_RECORDS);
  const companyIds = allCompanyIds.slice(0, MAX_DEAL_RECORDS);
  const [contacts, companies] = await Promise.all([
    contactIds.length > 0
      ? readRecords(session, '0-1', contactIds, ['firstname', 'lastname', 'email'])
      : new Map(),
    companyIds.length > 0 ? readRecords(session, '0-2', companyIds, ['name', 'domain']) : new Map(),
  ]);
  return {
    contacts: named(
      contactIds,
      contacts,
      (p) => [p.firstname, p.lastname].filter((v) => v?.trim()).join(' ') || (p.email ?? ''),
    ),
    companies: named(companyIds, companies, (p) => p.name || (p.domain ?? '')),
    readAt: Date.now(),
    totals: { contacts: allContactIds.length, companies: allCompanyIds.length },
  };
}

type Properties = Record<string, string | null>;

/** The records HubSpot returned, in association order, with the name a card shows (`#id` when none). */
function named(
  ids: string[],
  found: Map<string, Properties>,
  nameOf: (p: Properties) => string,
): DealRecord[] {
  return ids.flatMap((id) => {
    const p = found.get(id);
    return p ? [{ id, name: nameOf(p) || `#${id}` }] : [];
  });
}
