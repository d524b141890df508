import type { Client } from '@hubspot/api-client';
import type { HubspotCaller } from '../create-hubspot-caller';

/** One portal as the sync sees it: the SDK client and the rate-limited caller in front of it. */
export interface HubspotSession {
  portalId: string;
  client: Client;
  call: HubspotCaller;
}

/**
 * Per input key: the HubSpot record id it landed as, or HubSpot's reason for refusing it (with
 * HubSpot's error category when it gave one, e.g. `OBJECT_NOT_FOUND`).
 */
export type BatchWriteResult = Map<
  string,
  { hubspotId: string; created?: boolean } | { error: string; category?: string }
>;

export interface BatchError {
  message: string;
  category?: string;
  context?: Record<string, string[]>;
}

/**
 * Fills in the inputs a 207 did not return: an error whose `context.ids` names the input is its
 * reason; an input HubSpot neither returned nor named gets the first unattributed message.
 */
export function attributeErrors(
  result: BatchWriteResult,
  keys: string[],
  errors: BatchError[],
  normalize: (id: string) => string = (id) => id,
): BatchWriteResult {
  const byId = new Map<string, BatchError>();
  const loose: BatchError[] = [];
  for (const e of errors) {
    const ids = e.context?.ids ?? [];
    if (ids.length === 0) loose.push(e);
    for (const id of ids) byId.set(normalize(id), e);
  }
  for (const key of keys) {
    if (result.has(key)) continue;
    const e = byId.get(normalize(key)) ?? loose[0];
    result.set(
      key,
      e
        ? { error: e.message, ...(e.category && { category: e.category }) }
        : { error: 'HubSpot did not return this record' },
    );
  }
  return result;
}
