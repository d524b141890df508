import { CUSTOMER_ID_PROPERTY, findCompaniesByDomain, findCompaniesByName } from '@licensync/hubspot';
import { toHubspotCompanyProperties, toHubspotContactProperties } from '@licensync/mappers';
import { associateMissing } from './associate-missing';
import { dropHubspotLinks, loadHubspotLinks, saveHubspotLinks } from './hubspot-links';
import { loadCustomerSources } from './load-customer-sources';
import { emptyOutcome, type SyncContext, type SyncOutcome } from './sync-context';
import { type CustomerWrite, type CustomerWriteResult, writeCustomerRecords } from './write-customer-records';

/** The outcome, plus the contact and company each customer written in this call landed as. */
export interface CustomerSyncOutcome extends SyncOutcome {
  contacts: Map<string, string>;
  companies: Map<string, string>;
}

/**
 * Customers → contacts (upserted by email, so a contact sales already has is matched) and, for
 * company customers, companies (upserted by our customer id; an unlinked one is first looked up
 * by domain so the company sales created is reused). `hubspot_contact_id`/`hubspot_company_id` in
 * the Stripe metadata link a record explicitly. A linked record deleted in HubSpot is written again
 * by key and the link moves to it. Then contact ↔ company is associated.
 */
export async function syncCustomers(ctx: SyncContext, customerIds: string[]): Promise<CustomerSyncOutcome> {
  const outcome = emptyOutcome();
  const rows = await loadCustomerSources(ctx, customerIds);
  const ids = rows.map((r) => r.source.id);
  const contactLinks = await loadHubspotLinks(ctx.db, ctx.workspaceId, 'customer', '0-1', ids);
  const companyLinks = await loadHubspotLinks(ctx.db, ctx.workspaceId, 'customer', '0-2', ids);

  const contacts = await writeCustomerRecords(
    ctx.session,
    '0-1',
    'email',
    rows.map((r) => ({
      customerId: r.source.id,
      hubspotId: r.metadata.hubspot_contact_id ?? contactLinks.get(r.source.id),
      key: r.source.email.trim().toLowerCase(),
      properties: toHubspotContactProperties(r.source, ctx),
    })),
  );
  const contactIds = collect(contacts, outcome);

  const companyRows = rows
    .filter((r) => contactIds.has(r.source.id))
    .map((r) => ({ r, properties: toHubspotCompanyProperties(r.source, ctx) }))
    .filter((c) => c.properties !== null);
  // A company sales already has is adopted: by domain, else (no domain) by its exact name.
  const unlinked = companyRows.filter(
    ({ r }) => !r.metadata.hubspot_company_id && !companyLinks.has(r.source.id),
  );
  const unlinkedDomains = unlinked.flatMap(({ r }) => (r.source.domain ? [r.source.domain] : []));
  const unlinkedNames = unlinked.flatMap(({ r, properties }) =>
    !r.source.domain && properties!.name ? [properties!.name] : [],
  );
  const byDomain =
    unlinkedDomains.length > 0 ? await findCompaniesByDomain(ctx.session, unlinkedDomains) : new Map();
  const byName = unlinkedNames.length > 0 ? await findCompaniesByName(ctx.session, unlinkedNames) : new Map();
  const companyWrites: CustomerWrite[] = companyRows.map(({ r, properties }) => ({
    customerId: r.source.id,
    hubspotId:
      r.metadata.hubspot_company_id ??
      companyLinks.get(r.source.id) ??
      byDomain.get(r.source.domain?.toLowerCase() ?? '') ??
      (r.source.domain ? undefined : byName.get(properties!.name?.toLowerCase() ?? '')),
    key: r.source.id,
    properties: properties!,
  }));
  const companies = await writeCustomerRecords(ctx.session, '0-2', CUSTOMER_ID_PROPERTY, companyWrites);
  const companyIds = collect(companies, outcome);

  // Both links in one transaction: a license batch reading them concurrently must never see a
  // customer's contact without its company, or it would skip the company association for good.
  await ctx.db.transaction(async (tx) => {
    await dropHubspotLinks(tx, ctx.workspaceId, 'customer', '0-1', contacts.lost);
    await dropHubspotLinks(tx, ctx.workspaceId, 'customer', '0-2', companies.lost);
    await saveHubspotLinks(tx, ctx.workspaceId, 'customer', '0-1', contactIds);
    await saveHubspotLinks(tx, ctx.workspaceId, 'customer', '0-2', companyIds);
  });
  const pairs = [...companyIds].flatMap(([customerId, companyId]) => {
    const contactId = contactIds.get(customerId);
    return contactId ? [{ fromId: contactId, toId: companyId, customerId }] : [];
  });
  const failedPairs = await associateMissing(ctx, '0-1', '0-2', pairs);
  for (const p of pairs) {
    const message = failedPairs.get(p.fromId);
    if (message) outcome.failed.set(p.customerId, `associating contact with company: ${message}`);
  }
  ctx.metrics.synced('customer', ids.length - outcome.failed.size - outcome.deferred.size);
  return { ...outcome, contacts: contactIds, companies: companyIds };
}

function collect(written: CustomerWriteResult, outcome: SyncOutcome): Map<string, string> {
  const ok = new Map<string, string>();
  for (const id of written.deferred) outcome.deferred.add(id);
  for (const [customerId, result] of written.results) {
    if ('error' in result) outcome.failed.set(customerId, result.error);
    else ok.set(customerId, result.hubspotId);
  }
  return ok;
}
