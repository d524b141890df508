import { COMPANY_PROPERTIES, CONTACT_PROPERTIES } from './customer-properties';
import { INVOICE_OBJECT } from './invoice-object';
import { LICENSE_OBJECT } from './license-object';
import type { HubspotObjectSpec } from './object-spec';
import type { HubspotPropertySpec } from './property-spec';
import { SUBSCRIPTION_OBJECT } from './subscription-object';

/**
 * Everything licensync needs in a HubSpot portal, declared once. `deployHubspotSchema` makes a
 * portal match it; bump `version` with every change so connections show which release deployed.
 */
export interface HubspotSchema {
  version: number;
  objects: HubspotObjectSpec[];
  contactProperties: HubspotPropertySpec[];
  companyProperties: HubspotPropertySpec[];
}

export const HUBSPOT_SCHEMA: HubspotSchema = {
  version: 2,
  objects: [LICENSE_OBJECT, SUBSCRIPTION_OBJECT, INVOICE_OBJECT],
  contactProperties: CONTACT_PROPERTIES,
  companyProperties: COMPANY_PROPERTIES,
};
