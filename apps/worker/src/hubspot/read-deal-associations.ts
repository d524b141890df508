import type { DealAssociations, DealRecord } from '@licensync/core/deals';
import { type HubspotSession, readAssociatedIds, readRecords } from '@licensync/hubspot';

/** A card shows a handful of records per deal; a deal with more gets the first ones HubSpot lists. */
export const MAX_DEAL_RECORDS = 20;

/**
 * A deal's associated contacts and companies with their names: two association reads and two
 * batch reads, all through the portal's limiter.
 */
export async function readDealAssociations(
  session: HubspotSession,
  dealId: string,
): Promise<DealAssociations> {
  const [contactIds, companyIds] = await Promise.all([
    readAssociatedIds(session, '0-3', dealId, '0-1', MAX_DEAL_RECORDS),
    readAssociatedIds(session, '0-3', dealId, '0-2', MAX_DEAL_RECORDS),
  ]);
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
