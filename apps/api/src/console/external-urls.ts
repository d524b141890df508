/** Dashboard paths by Stripe id prefix; objects without a dashboard page of their own get none. */
const STRIPE_PATHS: [prefix: string, path: string][] = [
  ['sub_', 'subscriptions'],
  ['in_', 'invoices'],
  ['pi_', 'payments'],
  ['price_', 'prices'],
  ['cus_', 'customers'],
];

/** The Stripe dashboard page of an object, in test or live mode; null for ids it has no page for. */
export function stripeDashboardUrl(id: string | null, livemode: boolean): string | null {
  if (!id) return null;
  const path = STRIPE_PATHS.find(([prefix]) => id.startsWith(prefix))?.[1];
  if (!path) return null;
  return `https://dashboard.stripe.com/${livemode ? '' : 'test/'}${path}/${encodeURIComponent(id)}`;
}

/** A HubSpot record page: `objectTypeId` is `0-1` (contact), `0-2` (company) or a custom object's id. */
export function hubspotRecordUrl(portalId: string, objectTypeId: string, objectId: string): string {
  return `https://app.hubspot.com/contacts/${encodeURIComponent(portalId)}/record/${encodeURIComponent(objectTypeId)}/${encodeURIComponent(objectId)}`;
}
