export type CustomerHubspotObject = 'contact' | 'company';

/**
 * Which HubSpot record a customer is, as in Lago: `individual` → a contact, `company` → a
 * company, undefined → the workspace's default object (`hubspot_default_object`). That record
 * carries our `licensync_*` properties, and the customer's licenses, subscriptions and invoices are
 * associated with it. A person's company (from their customer account) is associated as well.
 */
export function customerHubspotObject(
  customerType: 'individual' | 'company' | null,
  defaultObject: CustomerHubspotObject,
): CustomerHubspotObject {
  if (customerType === 'individual') return 'contact';
  if (customerType === 'company') return 'company';
  return defaultObject;
}
