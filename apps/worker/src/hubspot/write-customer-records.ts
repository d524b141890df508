import { type BatchWriteResult, type HubspotSession, updateRecords, upsertRecords } from '@licensync/core';

export interface CustomerWrite {
  customerId: string;
  /** A HubSpot record we are linked to (or told about in metadata): updated by id. */
  hubspotId?: string | undefined;
  /** Otherwise upserted by this unique value. */
  key: string;
  properties: Record<string, string>;
}

/**
 * Writes contacts or companies: linked ones by record id, the rest by upsert. Two customers naming
 * the same record or key in one batch would make HubSpot refuse the batch: the second is deferred.
 * Returns customerId → record id or error, and the deferred customer ids.
 */
export async function writeCustomerRecords(
  session: HubspotSession,
  objectType: '0-1' | '0-2',
  idProperty: string,
  writes: CustomerWrite[],
): Promise<{ results: Map<string, { hubspotId: string } | { error: string }>; deferred: string[] }> {
  const seen = new Set<string>();
  const deferred: string[] = [];
  const linked: CustomerWrite[] = [];
  const upserts: CustomerWrite[] = [];
  for (const w of writes) {
    const slot = w.hubspotId ? `id:${w.hubspotId}` : `key:${w.key.toLowerCase()}`;
    if (seen.has(slot)) deferred.push(w.customerId);
    else (w.hubspotId ? linked : upserts).push(w);
    seen.add(slot);
  }
  const updated = await updateRecords(
    session,
    objectType,
    linked.map((w) => ({ hubspotId: w.hubspotId!, properties: w.properties })),
  );
  const upserted: BatchWriteResult = await upsertRecords(
    session,
    objectType,
    idProperty,
    upserts.map((w) => ({ id: w.key, properties: w.properties })),
  );
  const results = new Map<string, { hubspotId: string } | { error: string }>();
  for (const w of linked) results.set(w.customerId, updated.get(w.hubspotId!) ?? { error: 'not returned' });
  for (const w of upserts) results.set(w.customerId, upserted.get(w.key) ?? { error: 'not returned' });
  return { results, deferred };
}
