import { type HubspotObjectSpec, upsertRecords } from '@licensync/core';
import { associateMissing } from './associate-missing';
import type { CustomObjectRecord } from './custom-object-record';
import { loadHubspotLinks, saveHubspotLinks } from './hubspot-links';
import { emptyOutcome, type SyncContext, type SyncOutcome } from './sync-context';
import { syncCustomers } from './sync-customers';

/**
 * Licenses, subscriptions or invoices → their custom object: one upsert keyed by our id (so an
 * update never duplicates), links stored, then associations to the customer's contact and company.
 * Customers not yet in HubSpot are synced first, so the associations have something to point at.
 */
export async function syncCustomObjectRecords(
  ctx: SyncContext,
  spec: HubspotObjectSpec,
  records: CustomObjectRecord[],
): Promise<SyncOutcome> {
  const outcome = emptyOutcome();
  if (records.length === 0) return outcome;
  const objectType = ctx.objectTypeIds[spec.key];
  const customerIds = [...new Set(records.flatMap((r) => (r.customerId ? [r.customerId] : [])))];
  const links = () =>
    Promise.all(
      ['0-1', '0-2'].map((t) => loadHubspotLinks(ctx.db, ctx.workspaceId, 'customer', t, customerIds)),
    );
  let [contacts, companies] = await links();
  const unsynced = customerIds.filter((id) => !contacts!.has(id));
  if (unsynced.length > 0) {
    await syncCustomers(ctx, unsynced);
    [contacts, companies] = await links();
  }

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
  for (const [toType, customerLinks] of [
    ['0-1', contacts!],
    ['0-2', companies!],
  ] as const) {
    const pairs = records.flatMap((r) => {
      const fromId = recordLinks.get(r.id);
      const toId = r.customerId ? customerLinks.get(r.customerId) : undefined;
      return fromId && toId ? [{ fromId, toId }] : [];
    });
    const failed = await associateMissing(ctx, objectType, toType, pairs);
    for (const [fromId, message] of failed) {
      outcome.failed.set(recordOf.get(fromId)!, `associating with ${toType}: ${message}`);
    }
  }
  ctx.metrics.synced(spec.kind, [...recordLinks.keys()].filter((id) => !outcome.failed.has(id)).length);
  return outcome;
}
