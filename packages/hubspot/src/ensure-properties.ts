import type { Client } from '@hubspot/api-client';
import type { PropertyCreate } from '@hubspot/api-client/lib/codegen/crm/properties';
import type { HubspotCaller } from './create-hubspot-caller';
import { HubspotRequestError } from './hubspot-request-error';
import type { HubspotPropertySpec } from './schema/property-spec';
import { toPropertyCreate } from './schema/to-schema-bodies';

/**
 * Creates the declared properties `existing` lacks, in one batch call (none when nothing is
 * missing). A property another worker created meanwhile (409 in the batch) counts as present.
 * Returns the number of write calls made.
 */
export async function ensureProperties(opts: {
  client: Client;
  call: HubspotCaller;
  objectType: string;
  groupName: string;
  existing: Set<string>;
  wanted: HubspotPropertySpec[];
}): Promise<number> {
  const missing = opts.wanted.filter((p) => !opts.existing.has(p.name));
  if (missing.length === 0) return 0;
  const inputs = missing.map((p) => toPropertyCreate(p, opts.groupName) as unknown as PropertyCreate);
  const res = await opts.call('POST /crm/v3/properties/{objectType}/batch/create', () =>
    opts.client.crm.properties.batchApi.createWithHttpInfo(opts.objectType, { inputs }),
  );
  const errors = ('errors' in res.data ? res.data.errors : undefined) ?? [];
  const real = errors.filter((e) => e.category !== 'OBJECT_ALREADY_EXISTS');
  if (real.length > 0) {
    throw new HubspotRequestError(
      400,
      `creating properties on ${opts.objectType}: ${real[0]!.message}`,
      errors,
    );
  }
  return 1;
}
