import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/companies';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects';
import {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties';
import { afterAll, describe, expect, it } from 'vitest';
import { createFakeHubspot } from './create-fake-hubspot';
import { loadHubspotContract } from './openapi-contract';
import { skipWithoutSpecs } from './skip-without-specs';
import { clientFor, createSchema, toAssociationSpec } from './test-fixtures';

const contract = loadHubspotContract();
const specsPresent = !skipWithoutSpecs(contract, 'fake-hubspot contract test');

/** Endpoints the SDK calls that the checked-in spec snapshot does not describe. */
const NOT_IN_SPECS = ['GET /crm/v4/associations/{fromObjectType}/{toObjectType}/labels'];

const fake = await createFakeHubspot();
afterAll(() => fake.close());

async function realisticSession() {
  const client = clientFor(fake);
  const schema = await createSchema(client);
  const type = schema.objectTypeId;
  await client.crm.properties.coreApi.create(type, {
    name: 'plan',
    label: 'Plan',
    type: PropertyCreateTypeEnum.String,
    fieldType: PropertyCreateFieldTypeEnum.Text,
    groupName: 'license_information',
  });
  const licenses = await client.crm.objects.batchApi.upsert(type, {
    inputs: ['A', 'B'].map((key) => ({
      idProperty: 'license_key',
      id: key,
      properties: { status: 'active', plan: 'pro' },
    })),
  });
  const contacts = await client.crm.contacts.batchApi.upsert({
    inputs: [{ idProperty: 'email', id: 'ada@example.com', properties: { firstname: 'Ada' } }],
  });
  const contactId = contacts.results[0]?.id ?? '';
  await client.crm.companies.batchApi.create({
    inputs: [
      {
        properties: { name: 'Acme', domain: 'acme.test' },
        associations: [
          {
            to: { id: contactId },
            types: [
              {
                associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
                associationTypeId: 280,
              },
            ],
          },
        ],
        objectWriteTraceId: 'acme',
      },
    ],
  });
  await client.crm.associations.v4.batchApi.createDefault(type, 'contacts', {
    inputs: [{ _from: { id: licenses.results[0]?.id ?? '' }, to: { id: contactId } }],
  });
  const [label] = (await client.crm.associations.v4.schema.definitionsApi.getAll(type, 'contacts')).results;
  await client.crm.associations.v4.batchApi.create(type, 'contacts', {
    inputs: [
      {
        _from: { id: licenses.results[1]?.id ?? '' },
        to: { id: contactId },
        types: [toAssociationSpec(label)],
      },
    ],
  });
  await client.crm.associations.v4.batchApi.getPage(type, 'contacts', {
    inputs: [{ id: licenses.results[0]?.id ?? '' }],
  });
  await client.crm.objects.batchApi.read(type, {
    idProperty: 'license_key',
    inputs: [{ id: 'A' }],
    properties: ['plan'],
    propertiesWithHistory: [],
  });
  await client.crm.objects.searchApi.doSearch(type, {
    filterGroups: [
      { filters: [{ propertyName: 'status', operator: FilterOperatorEnum.Eq, value: 'active' }] },
    ],
    properties: ['license_key'],
    sorts: [],
    limit: 100,
    after: '0',
  });
  await client.crm.contacts.basicApi.getById(contactId, ['email']);
}

describe('fake HubSpot against HubSpot’s OpenAPI specs', () => {
  it.skipIf(!specsPresent)('accepts only requests the specs describe', async () => {
    await realisticSession();
    const accepted = fake.requests().filter((r) => r.status < 300);
    const problems = accepted
      .filter((r) => !NOT_IN_SPECS.includes(r.endpoint ?? ''))
      .map((r) => ({ request: `${r.method} ${r.path}`, ...contract.check(r) }))
      .filter((c) => c.errors.length > 0);

    expect(accepted.length).toBeGreaterThanOrEqual(12);
    expect(problems).toEqual([]);
  });

  it.skipIf(!specsPresent)('catches a request the specs refuse', () => {
    const check = contract.check({
      method: 'POST',
      path: '/crm/v3/objects/2-1/batch/upsert',
      body: { inputs: [{ id: 'A', properties: { seats: 3 } }] },
    });
    expect(check.operation).toBe('crm-objects-v3.json POST /crm/v3/objects/{objectType}/batch/upsert');
    expect(check.errors).toHaveLength(1);
  });
});
