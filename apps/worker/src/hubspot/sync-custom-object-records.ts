import { type HubspotObjectSpec, upsertRecords } from '@licensync/hubspot';
import { toHubspotCompanyProperties } from '@licensync/mappers';
import { associateMissing } from './associate-missing';
import type { CustomObjectRecord } from './custom-object-record';
import { loadHubspotLinks, saveHubspotLinks } from './hubspot-links';
import { loadCustomerSources } from './load-customer-sources';
import { emptyOutcome, type SyncContext, type SyncOutcome } from './sync-context';
import { type CustomerSyncOutcome, syncCustomers } from './sync-customers';

/**
 * Licenses, subscriptions or invoices → their custom object: one upsert keyed by our id (so an
 * update never duplicates), links stored, then associations to the customer's contact and company.
 * Customers not yet in HubSpot are synced first, so the associations have something to point at;
 * a record whose customer is still missing its contact (or its company, for a company customer)
 * waits for a later try instead of landing without its associations.
 */
export async function syncCustomObjectRecords(
  ctx: SyncContext,
  spec: HubspotObjectSpec,
  all: CustomObjectRecord[],
): Promise<SyncOutcome> {
  const outcome = emptyOutcome();
  if (all.length === 0) return outcome;
  const objectType = ctx.objectTypeIds[spec.key];
  const customers = await customerLinks(ctx, all);
  const records = all.filter((r) => {
    const reason = r.customerId ? customers.missing.get(r.customerId) : undefined;
    if (reason !== undefined)
      outcome.waiting.set(r.id, `customer ${r.customerId} is not in HubSpot yet: ${reason}`);
    return reason === undefined;
  });
  if (records.length === 0) return outcome;

  const written = await upsertRecords(
    ctx.session,
    objectType,
    spec.idProperty,
    records.map((r) => ({ id: r.id, properties: r.properties })),
  );
  const recordLinks = new Map<string, string>();
  for (const r of records) {
    const result = written.get(r.id);
    if (!result || 'error' in result) outcome.failed.set(r.id, result?.error ?? 'not returned');
    else recordLinks.set(r.id, result.hubspotId);
  }
  await saveHubspotLinks(ctx.db, ctx.workspaceId, spec.kind, objectType, recordLinks);

  const recordOf = new Map([...recordLinks].map(([id, hubspotId]) => [hubspotId, id]));
  for (const [toType, targets] of [
    ['0-1', customers.contacts],
    ['0-2', customers.companies],
  ] as const) {
    const pairs = records.flatMap((r) => {
      const fromId = recordLinks.get(r.id);
      const toId = r.customerId ? targets.get(r.customerId) : undefined;
      return fromId && toId ? [{ fromId, toId }] : [];
    });
    const failed = await associateMissing(ctx, objectType, toType, pairs);
    for (const [fromId, message] of failed) {
      outcome.failed.set(recordOf.get(fromId)!, `associating with ${toType}: ${message}`);
    }
  }
  // Licenses taken from a deal (a workflow on it, or `hubspot_deal_id` metadata) show on that deal.
  const dealPairs = records.flatMap((r) => {
    const fromId = recordLinks.get(r.id);
    return fromId && r.dealId ? [{ fromId, toId: r.dealId }] : [];
  });
  for (const [fromId, message] of await associateMissing(ctx, objectType, '0-3', dealPairs)) {
    outcome.failed.set(recordOf.get(fromId)!, `associating with deal: ${message}`);
  }
  ctx.metrics.synced(spec.kind, [...recordLinks.keys()].filter((id) => !outcome.failed.has(id)).length);
  return outcome;
}

/**
 * The records' customers' contacts and companies, syncing first the customers that miss one they
 * should have (a contact when the customer is one; a company when the customer is or has one).
 * `missing` names the customers still without one afterwards, with the reason.
 */
async function customerLinks(ctx: SyncContext, records: CustomObjectRecord[]) {
  const ids = [...new Set(records.flatMap((r) => (r.customerId ? [r.customerId] : [])))];
  const sources = await loadCustomerSources(ctx, ids);
  const wantsContact = new Set(
    sources.filter((row) => row.hubspotObject === 'contact').map((r) => r.source.id),
  );
  const wantsCompany = new Set(
    sources.filter((row) => toHubspotCompanyProperties(row.source, ctx) !== null).map((row) => row.source.id),
  );
  // A company customer's records go to its company only, even while an old contact link remains.
  const load = async (type: '0-1' | '0-2') => {
    const links = await loadHubspotLinks(ctx.db, ctx.workspaceId, 'customer', type, ids);
    const wanted = type === '0-1' ? wantsContact : wantsCompany;
    return new Map([...links].filter(([id]) => wanted.has(id)));
  };
  const lacking = (contacts: Map<string, string>, companies: Map<string, string>) =>
    ids.filter(
      (id) => (wantsContact.has(id) && !contacts.has(id)) || (wantsCompany.has(id) && !companies.has(id)),
    );

  let [contacts, companies] = await Promise.all([load('0-1'), load('0-2')]);
  const missing = new Map<string, string>();
  const unsynced = lacking(contacts, companies);
  if (unsynced.length === 0) return { contacts, companies, missing };

  const synced: CustomerSyncOutcome = await syncCustomers(ctx, unsynced);
  [contacts, companies] = await Promise.all([load('0-1'), load('0-2')]);
  // A customer sharing its contact or company with another keeps no link of its own: use what was
  // just written.
  for (const [id, hubspotId] of synced.contacts) if (!contacts.has(id)) contacts.set(id, hubspotId);
  for (const [id, hubspotId] of synced.companies) if (!companies.has(id)) companies.set(id, hubspotId);
  for (const id of lacking(contacts, companies)) {
    missing.set(
      id,
      synced.failed.get(id) ??
        (synced.deferred.has(id) ? 'its record is being written by another customer' : 'not written'),
    );
  }
  return { contacts, companies, missing };
}
