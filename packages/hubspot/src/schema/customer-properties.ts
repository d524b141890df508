import { prop } from './property-spec';

/** HubSpot-defined groups that exist in every portal; custom properties must name a group. */
export const CONTACT_PROPERTY_GROUP = 'contactinformation';
export const COMPANY_PROPERTY_GROUP = 'companyinformation';

/** The company upsert key; contacts are upserted by HubSpot's own `email`. */
export const CUSTOMER_ID_PROPERTY = 'licensync_customer_id';

// WARNING: HubSpot stores values under these property names. Renaming one strands the values
// already written — add new names, never rename.
const CUSTOMER_PROPERTIES = [
  prop.key(CUSTOMER_ID_PROPERTY, 'Licensync customer ID'),
  prop.text('licensync_stripe_customer_id', 'Stripe customer ID'),
  prop.text('licensync_billing_email', 'Billing email'),
  prop.text('licensync_tax_id', 'Tax ID'),
  // The console page of the customer (`/console/customers/:id`); opened after sign-in.
  prop.text('licensync_customer_url', 'Licensync link'),
];

export const CONTACT_PROPERTIES = CUSTOMER_PROPERTIES;
export const COMPANY_PROPERTIES = CUSTOMER_PROPERTIES;
