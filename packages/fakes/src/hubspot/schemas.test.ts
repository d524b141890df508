import { ObjectTypePropertyCreateTypeEnum } from '@hubspot/api-client/lib/codegen/crm/schemas';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeHubspot } from './create-fake-hubspot';
import { clientFor, createSchema, failure, licenseSchema } from './test-fixtures';

const fake = await createFakeHubspot();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('schemas', () => {
  it('creates a custom object with a per-portal objectTypeId, fully qualified name and associations', async () => {
    const schema = await clientFor(fake).crm.schemas.coreApi.create(licenseSchema());

    expect(schema.objectTypeId).toMatch(/^2-\d+$/);
    expect(schema.fullyQualifiedName).toBe(`p${fake.defaultPortal.portalId}_license`);
    expect(schema.associations.map((a) => a.toObjectTypeId).sort()).toEqual(['0-1', '0-2']);
    expect(schema.properties.find((p) => p.name === 'license_key')?.hasUniqueValue).toBe(true);
  });

  it('reads a schema by objectTypeId, fully qualified name and p_<name>', async () => {
    const client = clientFor(fake);
    const { objectTypeId, fullyQualifiedName } = await createSchema(client);

    for (const ref of [objectTypeId, fullyQualifiedName ?? '', 'p_license']) {
      expect((await client.crm.schemas.coreApi.getById(ref)).objectTypeId).toBe(objectTypeId);
    }
    expect((await client.crm.schemas.coreApi.getAll()).results).toHaveLength(1);
  });

  it('answers 404 for a schema the portal does not have', async () => {
    const { code, body } = await failure(clientFor(fake).crm.schemas.coreApi.getById('p_nothing'));
    expect(code).toBe(404);
    expect(body.message).toBe('Unable to infer object type from: p_nothing');
  });

  it('refuses a second schema with the same name with 409', async () => {
    const client = clientFor(fake);
    await createSchema(client);
    const { code } = await failure(client.crm.schemas.coreApi.create(licenseSchema()));
    expect(code).toBe(409);
  });

  it('refuses an invalid name, unknown required property and more than 10 unique properties with 400', async () => {
    const client = clientFor(fake);
    const unique = Array.from({ length: 11 }, (_, i) => ({
      name: `key_${i}`,
      label: `Key ${i}`,
      type: ObjectTypePropertyCreateTypeEnum.String,
      fieldType: 'text',
      hasUniqueValue: true,
    }));

    expect((await failure(client.crm.schemas.coreApi.create(licenseSchema({ name: '1license' })))).code).toBe(
      400,
    );
    expect(
      (await failure(client.crm.schemas.coreApi.create(licenseSchema({ requiredProperties: ['nope'] }))))
        .code,
    ).toBe(400);
    expect(
      (await failure(client.crm.schemas.coreApi.create(licenseSchema({ properties: unique })))).code,
    ).toBe(400);
    expect(fake.schemas()).toHaveLength(0);
  });

  it('refuses a body without the required ObjectSchemaEgg fields, naming them', async () => {
    const res = await fetch(`${fake.url}/crm-object-schemas/v3/schemas`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.defaultPortal.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'license', labels: { singular: 'L', plural: 'Ls' } }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain(
      'some of required attributes are not set [associatedObjects, properties, requiredProperties]',
    );
  });

  it('adds an association definition between two custom objects', async () => {
    const client = clientFor(fake);
    const license = await createSchema(client);
    const seat = await createSchema(client, licenseSchema({ name: 'seat', associatedObjects: [] }));

    const definition = await client.crm.schemas.coreApi.createAssociation(license.objectTypeId, {
      fromObjectTypeId: license.objectTypeId,
      toObjectTypeId: seat.objectTypeId,
      name: 'license_to_seat',
    });
    const labels = await client.crm.associations.v4.schema.definitionsApi.getAll(
      seat.objectTypeId,
      license.objectTypeId,
    );

    expect(definition.id).toMatch(/^\d+$/);
    expect(labels.results).toEqual([
      { category: 'USER_DEFINED', typeId: Number(definition.id) + 1, label: null },
    ]);
  });
});
