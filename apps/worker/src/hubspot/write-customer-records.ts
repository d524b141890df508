import { type BatchWriteResult, type HubspotSession, updateRecords, upsertRecords } from '@licensync/hubspot';

export interface CustomerWrite {
  customerId: string;
  /** A HubSpot record we are linked to (or told about in metadata): updated by id. */
  hubspotId?: string | undefined;
  /** Otherwise upserted by this unique value. */
  key: string;
  properties: Record<string, string>;
}

export interface CustomerWriteResult {
  results: Map<string, { hubspotId: string } | { error: string }>;
  /** Customers whose write waits for a later batch (their record or key is written by another). */
  deferred: string[];
  /** Customers whose linked record is gone from HubSpot (deleted or merged away): drop the link. */
  lost: string[];
}

const isNotFound = (r: { error: string; category?: string }) =>
  r.category === 'OBJECT_NOT_FOUND' || /could not find|not found/i.test(r.error);

/**
 * Writes contacts or companies: linked ones by record id, the rest by upsert. A linked record
 * deleted or merged away in HubSpot is written again by upsert in the same call, so the customer
 * gets a record again. Two customers naming the same record or key in one batch would make HubSpot
 * refuse the batch: the second is deferred.
 */
export async function writeCustomerRecords(
  session: HubspotSession,
  objectType: '0-1' | '0-2',
  idProperty: string,
  writes: CustomerWrite[],
): Promise<CustomerWriteResult> {
  const seen = new Set<string>();
  const deferred: string[] = [];
  const linked: CustomerWrite[] = [];
  const upserts: CustomerWrite[] = [];
  const claim = (slot: string) => {
    const free = !seen.has(slot);
    seen.add(slot);
    return free;
  };
  for (const w of writes) {
    const free = claim(w.hubspotId ? `id:${w.hubspotId}` : `key:${w.key.toLowerCase()}`);
    if (!free) deferred.push(w.customerId);
    else (w.hubspotId ? linked : upserts).push(w);
  }
  const updated = await updateRecords(
    session,
    objectType,
    linked.map((w) => ({ hubspotId: w.hubspotId!, properties: w.properties })),
  );
  const results = new Map<string, { hubspotId: string } | { error: string }>();
  const lost: string[] = [];
  for (const w of linked) {
    const r = updated.get(w.hubspotId!) ?? { error: 'not returned' };
    if (!('error' in r) || !isNotFound(r)) results.set(w.customerId, r);
    else {
      lost.push(w.customerId);
      if (claim(`key:${w.key.toLowerCase()}`)) upserts.push({ ...w, hubspotId: undefined });
      else deferred.push(w.customerId);
    }
  }
  const upserted: BatchWriteResult = await upsertRecords(
    session,
    objectType,
    idProperty,
    upserts.map((w) => ({ id: w.key, properties: w.properties })),
  );
  for (const w of upserts) results.set(w.customerId, upserted.get(w.key) ?? { error: 'not returned' });
  return { results, deferred, lost };
}
