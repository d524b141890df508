import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import { AssociationSpecAssociationCategoryEnum as CompanyCategory } from '@hubspot/api-client/lib/codegen/crm/companies';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeHubspot } from './create-fake-hubspot';
import { clientFor, createSchema, failure, toAssociationSpec } from './test-fixtures';

const fake = await createFakeHubspot();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function setup() {
  const client = clientFor(fake);
  const { objectTypeId } = await createSchema(client);
  const lic = await client.crm.objects.basicApi.create(objectTypeId, {
    properties: { license_key: 'A' },
    associations: [],
  });
  const contact = await client.crm.contacts.basicApi.create({
    properties: { email: 'ada@example.com' },
    associations: [],
  });
  const company = await client.crm.companies.basicApi.create({
    properties: { name: 'Acme' },
    associations: [],
  });
  return { client, objectTypeId, lic: lic.id, contact: contact.id, company: company.id };
}

describe('associations v4', () => {
  it('associates by default in both directions', async () => {
    const { client, objectTypeId, lic, contact } = await setup();
    await client.crm.associations.v4.batchApi.createDefault(objectTypeId, 'contacts', {
      inputs: [{ _from: { id: lic }, to: { id: contact } }],
    });
    const fromContact = await client.crm.associations.v4.basicApi.getPage('contacts', contact, objectTypeId);

    expect(fromContact.results.map((r) => r.toObjectId)).toEqual([lic]);
    expect(fake.associations()).toHaveLength(2);
  });

  it('creates a labelled association with the type id the labels endpoint names', async () => {
    const { client, contact, company } = await setup();
    const [unlabeled] = (
      await client.crm.associations.v4.schema.definitionsApi.getAll('contacts', 'companies')
    ).results;
    const res = await client.crm.associations.v4.batchApi.create('contacts', 'companies', {
      inputs: [
        {
          _from: { id: contact },
          to: { id: company },
          types: [
            {
              associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
              associationTypeId: unlabeled?.typeId ?? 0,
            },
          ],
        },
      ],
    });
    const read = await client.crm.associations.v4.batchApi.getPage('companies', 'contacts', {
      inputs: [{ id: company }],
    });

    expect(unlabeled?.typeId).toBe(279);
    expect(res.results).toHaveLength(1);
    expect(read.results[0]?.to[0]?.associationTypes).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 280, label: null },
    ]);
  });

  it('refuses a type id that does not belong to the pair', async () => {
    const { client, objectTypeId, lic, contact } = await setup();
    const { code } = await failure(
      client.crm.associations.v4.basicApi.create(objectTypeId, lic, 'contacts', contact, [
        {
          associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
          associationTypeId: 279,
        },
      ]),
    );
    expect(code).toBe(400);
  });

  it('fails an input naming a record that does not exist, and the request when no input lands', async () => {
    const { client, objectTypeId, lic, contact } = await setup();
    const spec = (await client.crm.associations.v4.schema.definitionsApi.getAll(objectTypeId, 'contacts'))
      .results[0];
    const types = [toAssociationSpec(spec)];

    const partial = await client.crm.associations.v4.batchApi.createWithHttpInfo(objectTypeId, 'contacts', {
      inputs: [
        { _from: { id: lic }, to: { id: contact }, types },
        { _from: { id: lic }, to: { id: '404' }, types },
      ],
    });
    const none = await failure(
      client.crm.associations.v4.batchApi.createDefault(objectTypeId, 'contacts', {
        inputs: [{ _from: { id: lic }, to: { id: '404' } }],
      }),
    );

    expect(partial.httpStatusCode).toBe(207);
    expect(none.code).toBe(400);
  });

  it('reads at most 1,000 inputs and reports ids without associations', async () => {
    const { client, company } = await setup();
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ id: String(i) }));
    expect(
      (
        await failure(
          client.crm.associations.v4.batchApi.getPage('companies', 'contacts', { inputs: tooMany }),
        )
      ).code,
    ).toBe(400);

    const res = await client.crm.associations.v4.batchApi.getPageWithHttpInfo('companies', 'contacts', {
      inputs: [{ id: company }],
    });
    expect(res.httpStatusCode).toBe(207);
    expect('errors' in res.data && res.data.errors?.[0]?.subCategory).toBe(
      'crm.associations.NO_ASSOCIATIONS_FOUND',
    );
  });

  it('associates one pair with the single default endpoint and archives it', async () => {
    const { client, contact, company } = await setup();
    await client.crm.associations.v4.basicApi.createDefault('contacts', contact, 'companies', company);
    expect(fake.associations()).toHaveLength(2);

    await client.crm.associations.v4.batchApi.archive('contacts', 'companies', {
      inputs: [{ _from: { id: contact }, to: [{ id: company }] }],
    });
    expect(fake.associations()).toHaveLength(0);
  });

  it('creates associations inline with a batch create', async () => {
    const { client, contact } = await setup();
    await client.crm.companies.batchApi.create({
      inputs: [
        {
          properties: { name: 'Globex' },
          associations: [
            {
              to: { id: contact },
              types: [{ associationCategory: CompanyCategory.HubspotDefined, associationTypeId: 280 }],
            },
          ],
        },
      ],
    });
    expect(fake.associations().filter((a) => a.fromObjectTypeId === '0-1')).toHaveLength(1);
  });
});
