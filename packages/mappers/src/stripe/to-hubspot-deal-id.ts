/**
 * The HubSpot deal a Stripe object names in its metadata (`hubspot_deal_id`), for the licenses it
 * pays to be associated with. The first object that names one wins (e.g. the checkout session
 * before its customer). HubSpot record ids are digits: anything else is ignored, not guessed at.
 */
export function toHubspotDealId(...metadatas: (Record<string, string> | null | undefined)[]): string | null {
  for (const metadata of metadatas) {
    const value = metadata?.hubspot_deal_id?.trim();
    if (value && /^\d{1,20}$/.test(value)) return value;
  }
  return null;
}
