import type { Client } from '@hubspot/api-client';
import type { HubspotCaller } from '../create-hubspot-caller';

/** One portal as the sync sees it: the SDK client and the rate-limited caller in front of it. */
export interface HubspotSession {
  portalId: string;
  client: Client;
  call: HubspotCaller;
}

/** Per input key: the HubSpot record id it landed as, or HubSpot's reason for refusing it. */
export type BatchWriteResult = Map<string, { hubspotId: string; created?: boolean } | { error: string }>;

export interface BatchError {
  message: string;
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
  const byId = new Map<string, string>();
  const loose: string[] = [];
  for (const e of errors) {
    const ids = e.context?.ids ?? [];
    if (ids.length === 0) loose.push(e.message);
    for (const id of ids) byId.set(normalize(id), e.message);
  }
  for (const key of keys) {
    if (result.has(key)) continue;
    result.set(key, { error: byId.get(normalize(key)) ?? loose[0] ?? 'HubSpot did not return this record' });
  }
  return result;
}
