const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LICENSE_KEY = /^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/;
const STRIPE_ID = /^[a-z]{2,6}_[A-Za-z0-9]+$/;

/**
 * The `/api/v1/history` query for what an operator typed: an email, a license key, our license id
 * (a UUID), a Stripe id (`cus_…`, `sub_…`, `in_…`) or a HubSpot record id (digits). Null when it is
 * none of these.
 */
export function toHistoryQuery(ref: string): Record<string, string> | null {
  const s = ref.trim();
  if (s.includes('@')) return { customer_email: s };
  if (UUID.test(s)) return { license_id: s.toLowerCase() };
  if (LICENSE_KEY.test(s)) return { license_key: s };
  if (STRIPE_ID.test(s)) return { stripe_id: s };
  if (/^\d+$/.test(s)) return { hubspot_object_id: s };
  return null;
}
