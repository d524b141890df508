import { Client } from '@hubspot/api-client';
import {
  type AssociationSpec,
  AssociationSpecAssociationCategoryEnum,
  type AssociationSpecWithLabel,
} from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import {
  type ObjectSchemaEgg,
  ObjectTypePropertyCreateTypeEnum as T,
} from '@hubspot/api-client/lib/codegen/crm/schemas';
import type { FakeHubspot } from './fake-hubspot.types';

/** The real SDK pointed at the fake, with SDK retries off so tests see every status. */
export const clientFor = (fake: FakeHubspot, token = fake.defaultPortal.token) =>
  new Client({ accessToken: token, basePath: fake.url });

/** A license object shaped like licensync's: `license_key` is the upsert key. */
export const licenseSchema = (overrides: Partial<ObjectSchemaEgg> = {}): ObjectSchemaEgg => ({
  name: 'license',
  labels: { singular: 'License', plural: 'Licenses' },
  primaryDisplayProperty: 'license_key',
  requiredProperties: ['license_key'],
  searchableProperties: ['license_key'],
  associatedObjects: ['CONTACT', 'COMPANY'],
  properties: [
    { name: 'license_key', label: 'License key', type: T.String, fieldType: 'text', hasUniqueValue: true },
    {
      name: 'status',
      label: 'Status',
      type: T.Enumeration,
      fieldType: 'select',
      options: [
        { label: 'Active', value: 'active', displayOrder: 0, hidden: false },
        { label: 'Revoked', value: 'revoked', displayOrder: 1, hidden: false },
      ],
    },
    { name: 'seats', label: 'Seats', type: T.Number, fieldType: 'number' },
    { name: 'expires_on', label: 'Expires on', type: T.Date, fieldType: 'date' },
  ],
  ...overrides,
});

/** Status and wire body of a failed SDK call. */
export async function failure(
  call: Promise<unknown>,
): Promise<{ code: number; body: Record<string, unknown>; headers: Record<string, string> }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code: number; body: Record<string, unknown>; headers: Record<string, string> };
    return { code: e.code, body: e.body, headers: e.headers };
  }
  throw new Error('expected the call to fail');
}

/** Creates a schema through the SDK; the SDK types `objectTypeId` as optional, HubSpot always sends it. */
export async function createSchema(client: Client, egg: ObjectSchemaEgg = licenseSchema()) {
  const schema = await client.crm.schemas.coreApi.create(egg);
  if (!schema.objectTypeId) throw new Error('schema without objectTypeId');
  return { ...schema, objectTypeId: schema.objectTypeId };
}

/** A labels-endpoint entry as a v4 write spec (the SDK has one enum per model for the same strings). */
export const toAssociationSpec = (label: AssociationSpecWithLabel | undefined): AssociationSpec => ({
  associationCategory: label?.category as unknown as AssociationSpecAssociationCategoryEnum,
  associationTypeId: label?.typeId ?? 0,
});

export const HUBSPOT_DEFINED = AssociationSpecAssociationCategoryEnum.HubspotDefined;
