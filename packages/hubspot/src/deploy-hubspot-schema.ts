import type { Client } from '@hubspot/api-client';
import type { ObjectSchema } from '@hubspot/api-client/lib/codegen/crm/schemas';
import type { HubspotObjectTypeIds } from '@licensync/core/schema';
import type { HubspotCaller } from './create-hubspot-caller';
import { ensureProperties } from './ensure-properties';
import { HubspotRequestError } from './hubspot-request-error';
import { COMPANY_PROPERTY_GROUP, CONTACT_PROPERTY_GROUP } from './schema/customer-properties';
import { HUBSPOT_SCHEMA, type HubspotSchema } from './schema/hubspot-schema';
import { type HubspotObjectSpec, STANDARD_OBJECT_TYPE_IDS } from './schema/object-spec';
import { toObjectSchemaEgg } from './schema/to-schema-bodies';

export interface DeployResult {
  objectTypeIds: Required<HubspotObjectTypeIds>;
  /** Write calls made: 0 when the portal already matched. */
  writes: number;
  version: number;
}

/**
 * Makes a portal match `schema`: creates missing custom objects, properties, associations and
 * display settings, and our properties on contacts and companies. Reads first and writes only what
 * is missing, so a second run makes no write call; an object or property deleted in HubSpot is
 * created again (a re-created object gets a new objectTypeId, which the caller stores).
 */
export async function deployHubspotSchema(opts: {
  client: Client;
  call: HubspotCaller;
  schema?: HubspotSchema;
}): Promise<DeployResult> {
  const { client, call } = opts;
  const schema = opts.schema ?? HUBSPOT_SCHEMA;
  const live = await call('GET /crm-object-schemas/v3/schemas', () =>
    client.crm.schemas.coreApi.getAllWithHttpInfo(),
  );
  const ids: Partial<Record<string, string>> = {};
  let writes = 0;
  for (const spec of schema.objects) {
    const found = live.data.results.find(
      (s) => s.name.toLowerCase() === spec.name.toLowerCase() && !s.archived,
    );
    const result = found ? await reconcileObject(opts, spec, found) : await createObject(opts, spec);
    ids[spec.key] = result.objectTypeId;
    writes += result.writes;
  }
  for (const [objectType, groupName, wanted] of [
    ['0-1', CONTACT_PROPERTY_GROUP, schema.contactProperties],
    ['0-2', COMPANY_PROPERTY_GROUP, schema.companyProperties],
  ] as const) {
    const res = await call('GET /crm/v3/properties/{objectType}', () =>
      client.crm.properties.coreApi.getAllWithHttpInfo(objectType),
    );
    const existing = new Set(res.data.results.map((p) => p.name));
    writes += await ensureProperties({ client, call, objectType, groupName, existing, wanted });
  }
  return { objectTypeIds: ids as Required<HubspotObjectTypeIds>, writes, version: schema.version };
}

async function createObject(opts: { client: Client; call: HubspotCaller }, spec: HubspotObjectSpec) {
  try {
    const res = await opts.call('POST /crm-object-schemas/v3/schemas', () =>
      opts.client.crm.schemas.coreApi.createWithHttpInfo(toObjectSchemaEgg(spec)),
    );
    return { objectTypeId: res.data.objectTypeId!, writes: 1 };
  } catch (err) {
    // Another worker created it between our read and our write: adopt theirs.
    if (!(err instanceof HubspotRequestError) || err.status !== 409) throw err;
    const res = await opts.call('GET /crm-object-schemas/v3/schemas/{objectType}', () =>
      opts.client.crm.schemas.coreApi.getByIdWithHttpInfo(`p_${spec.name}`),
    );
    return { objectTypeId: res.data.objectTypeId!, writes: 1 };
  }
}

async function reconcileObject(
  opts: { client: Client; call: HubspotCaller },
  spec: HubspotObjectSpec,
  found: ObjectSchema,
) {
  const { client, call } = opts;
  const objectTypeId = found.objectTypeId!;
  const group = found.properties.find((p) => p.name === spec.idProperty)?.groupName;
  let writes = await ensureProperties({
    client,
    call,
    objectType: objectTypeId,
    groupName: group ?? `${spec.name}_information`,
    existing: new Set(found.properties.map((p) => p.name)),
    wanted: spec.properties,
  });
  const linked = new Set(
    found.associations.filter((a) => a.fromObjectTypeId === objectTypeId).map((a) => a.toObjectTypeId),
  );
  for (const target of spec.associatedObjects) {
    const toObjectTypeId = STANDARD_OBJECT_TYPE_IDS[target];
    if (linked.has(toObjectTypeId)) continue;
    await call('POST /crm-object-schemas/v3/schemas/{objectType}/associations', () =>
      client.crm.schemas.coreApi.createAssociationWithHttpInfo(objectTypeId, {
        fromObjectTypeId: objectTypeId,
        toObjectTypeId,
      }),
    );
    writes++;
  }
  const sameList = (a: string[] | undefined, b: string[]) => JSON.stringify(a ?? []) === JSON.stringify(b);
  if (
    found.primaryDisplayProperty !== spec.primaryDisplayProperty ||
    !sameList(found.secondaryDisplayProperties, spec.secondaryDisplayProperties) ||
    !spec.searchableProperties.every((p) => found.searchableProperties?.includes(p))
  ) {
    await call('PATCH /crm-object-schemas/v3/schemas/{objectType}', () =>
      client.crm.schemas.coreApi.updateWithHttpInfo(objectTypeId, {
        primaryDisplayProperty: spec.primaryDisplayProperty,
        secondaryDisplayProperties: spec.secondaryDisplayProperties,
        searchableProperties: [
          ...new Set([...(found.searchableProperties ?? []), ...spec.searchableProperties]),
        ],
      }),
    );
    writes++;
  }
  return { objectTypeId, writes };
}
