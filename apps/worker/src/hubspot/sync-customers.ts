import { DETACHED_ENTITY } from '@licensync/core/customers';
import { CUSTOMER_ID_PROPERTY, findCompaniesByDomain, findCompaniesByName } from '@licensync/hubspot';
import { toHubspotCompanyProperties, toHubspotContactProperties } from '@licensync/mappers';
import { associateMissing } from './associate-missing';
import { dropHubspotLinks, loadHubspotLinks, loadLinkedEntities, saveHubspotLinks } from './hubspot-links';
import { type CustomerRow, loadCustomerSources } from './load-customer-sources';
import { emptyOutcome, type SyncContext, type SyncOutcome } from './sync-context';
import { type CustomerWrite, type CustomerWriteResult, writeCustomerRecords } from './write-customer-records';

/** The outcome, plus the contact and company each customer written in this call landed as. */
export interface CustomerSyncOutcome extends SyncOutcome {
  contacts: Map<string, string>;
  companies: Map<string, string>;
}

/**
 * Customers → the HubSpot record each one is (`customerHubspotObject`): a contact (upserted by
 * email, so a contact sales already has is matched) or a company (upserted by our customer id; an
 * unlinked one is first looked up by domain, else by exact name, so the company sales created is
 * reused). A person with a company behind them (account, metadata) gets that company too, and
 * their contact is associated with it. `hubspot_contact_id`/`hubspot_company_id` in the Stripe
 * metadata link a record explicitly. A linked record deleted in HubSpot is written again by key
 * and the link moves to it. A company already linked to another customer belongs to that one: it
 * is associated, never written, so two customers sharing it do not flip its properties.
 */
export async function syncCustomers(ctx: SyncContext, customerIds: string[]): Promise<CustomerSyncOutcome> {
  const outcome = emptyOutcome();
  const rows = await loadCustomerSources(ctx, customerIds);
  const ids = rows.map((r) => r.source.id);
  const contactLinks = await loadHubspotLinks(ctx.db, ctx.workspaceId, 'customer', '0-1', ids);
  const companyLinks = await loadHubspotLinks(ctx.db, ctx.workspaceId, 'customer', '0-2', ids);
  // Records a rep disconnected from the customer: never matched again (by email, domain or name)
  // until a rep connects one. The upsert by email would land on that very contact, so a customer
  // with a disconnected contact and no link gets no contact write; likewise for its company.
  const detachedContacts = await loadHubspotLinks(ctx.db, ctx.workspaceId, DETACHED_ENTITY, '0-1', ids);
  const detachedCompanies = await loadHubspotLinks(ctx.db, ctx.workspaceId, DETACHED_ENTITY, '0-2', ids);
  /** Linked, named by metadata as another record, or never disconnected: the sync may write it. */
  const matchable = (
    r: CustomerRow,
    links: Map<string, string>,
    detached: Map<string, string>,
    named?: string,
  ) =>
    links.has(r.source.id) ||
    !detached.has(r.source.id) ||
    (named !== undefined && named !== detached.get(r.source.id));

  const people = rows.filter(
    (r) =>
      r.hubspotObject === 'contact' &&
      matchable(r, contactLinks, detachedContacts, r.metadata.hubspot_contact_id),
  );
  const contacts = await writeCustomerRecords(
    ctx.session,
    '0-1',
    'email',
    people.map((r) => ({
      customerId: r.source.id,
      hubspotId: r.metadata.hubspot_contact_id ?? contactLinks.get(r.source.id),
      key: r.source.email.trim().toLowerCase(),
      properties: toHubspotContactProperties(r.source, ctx),
    })),
  );
  const contactIds = collect(contacts, outcome);
  // A customer that became a company keeps no contact: its records then point at its company only.
  const noLongerPeople = rows.filter((r) => r.hubspotObject === 'company' && contactLinks.has(r.source.id));

  const companyRows = rows
    .filter((r) => r.hubspotObject === 'company' || contactIds.has(r.source.id))
    .filter((r) => matchable(r, companyLinks, detachedCompanies, r.metadata.hubspot_company_id))
    .map((r) => ({ r, properties: toHubspotCompanyProperties(r.source, ctx) }))
    .filter((c) => c.properties !== null);
  const { writes: companyWrites, deferred: sameNewCompany } = await resolveCompanies(
    ctx,
    companyRows,
    companyLinks,
  );
  for (const id of sameNewCompany) outcome.deferred.add(id);
  const owners = await loadLinkedEntities(
    ctx.db,
    ctx.workspaceId,
    'customer',
    '0-2',
    companyWrites.flatMap((w) => (w.hubspotId ? [w.hubspotId] : [])),
  );
  const ownedByAnother = (w: CustomerWrite) =>
    w.hubspotId !== undefined && owners.has(w.hubspotId) && owners.get(w.hubspotId) !== w.customerId;
  const companies = await writeCustomerRecords(
    ctx.session,
    '0-2',
    CUSTOMER_ID_PROPERTY,
    companyWrites.filter((w) => !ownedByAnother(w)),
  );
  for (const w of companyWrites.filter(ownedByAnother)) {
    companies.results.set(w.customerId, { hubspotId: w.hubspotId! });
  }
  const companyIds = collect(companies, outcome);

  // Both links in one transaction: a license batch reading them concurrently must never see a
  // customer's contact without its company, or it would skip the company association for good.
  await ctx.db.transaction(async (tx) => {
    await dropHubspotLinks(tx, ctx.workspaceId, 'customer', '0-1', [
      ...contacts.lost,
      ...noLongerPeople.map((r) => r.source.id),
    ]);
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

/**
 * Which company each customer writes: the one its metadata names, else the one it is linked to,
 * else the company sales already has (by domain, else — no domain — by its exact name), else a new
 * one (upserted by our customer id). Of two customers that would create the same new company
 * (same domain or name) in one batch, the first (rows come oldest customer first) creates it and
 * the other is deferred, to find it by domain in its next batch and be associated with it.
 */
async function resolveCompanies(
  ctx: SyncContext,
  companyRows: { r: CustomerRow; properties: Record<string, string> | null }[],
  companyLinks: Map<string, string>,
): Promise<{ writes: CustomerWrite[]; deferred: string[] }> {
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
  const writes: CustomerWrite[] = [];
  const deferred: string[] = [];
  const created = new Set<string>();
  for (const { r, properties } of companyRows) {
    const hubspotId =
      r.metadata.hubspot_company_id ??
      companyLinks.get(r.source.id) ??
      byDomain.get(r.source.domain?.toLowerCase() ?? '') ??
      (r.source.domain ? undefined : byName.get(properties!.name?.toLowerCase() ?? ''));
    // What the adoption above would find the new company by on the next batch.
    const findBy = r.source.domain
      ? `domain:${r.source.domain}`
      : properties!.name && `name:${properties!.name}`;
    const identity = findBy ? findBy.toLowerCase() : undefined;
    if (hubspotId === undefined && identity !== undefined) {
      if (created.has(identity)) {
        deferred.push(r.source.id);
        continue;
      }
      created.add(identity);
    }
    writes.push({ customerId: r.source.id, hubspotId, key: r.source.id, properties: properties! });
  }
  return { writes, deferred };
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
