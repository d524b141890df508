import { type ConsoleLinks, consoleRecordUrl } from './console-record-url';
import type { HubspotCustomerSource } from './hubspot-sources';
import { hubspotValue as v } from './hubspot-value';

function splitName(name: string | null): { firstname: string; lastname: string } {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { firstname: '', lastname: '' };
  return { firstname: parts[0]!, lastname: parts.slice(1).join(' ') };
}

/** Our licensync properties, the same on contacts and companies. */
function licensyncProperties(customer: HubspotCustomerSource, links: ConsoleLinks): Record<string, string> {
  return {
    licensync_customer_id: customer.id,
    licensync_stripe_customer_id: v.text(customer.stripeCustomerId),
    licensync_billing_email: customer.email,
    licensync_tax_id: v.text(customer.taxId),
    // The console page (sign-in, then back to it); earlier versions wrote admin API links here.
    licensync_customer_url: consoleRecordUrl(links, 'customers', customer.id),
  };
}

/**
 * Customer → contact. Only a non-empty name is written: the contact may have been typed in by sales,
 * and an unknown value must not wipe what they entered. `email` is the upsert key, not a property.
 */
export function toHubspotContactProperties(
  customer: HubspotCustomerSource,
  opts: { links: ConsoleLinks },
): Record<string, string> {
  // A name equal to the company's is the company's (Stripe business customers); anything else is a person's.
  const isCompanyName = customer.name !== null && customer.name === customer.companyName;
  const { firstname, lastname } = splitName(isCompanyName ? null : customer.name);
  return {
    ...(firstname && { firstname }),
    ...(lastname && { lastname }),
    ...licensyncProperties(customer, opts.links),
  };
}

/** Customer → company, or null when the customer is a person with no company behind it. */
export function toHubspotCompanyProperties(
  customer: HubspotCustomerSource,
  opts: { links: ConsoleLinks },
): Record<string, string> | null {
  if (!customer.companyName && !customer.domain) return null;
  const name = customer.companyName ?? customer.name ?? customer.domain;
  return {
    ...(name && { name }),
    ...(customer.domain && { domain: customer.domain }),
    ...licensyncProperties(customer, opts.links),
  };
}
