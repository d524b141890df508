import {
  type PropertyCreate,
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeHubspot } from './create-fake-hubspot';
import { clientFor, createSchema, failure } from './test-fixtures';

const fake = await createFakeHubspot();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const trialEnds: PropertyCreate = {
  name: 'trial_ends_on',
  label: 'Trial ends on',
  type: PropertyCreateTypeEnum.Date,
  fieldType: PropertyCreateFieldTypeEnum.Date,
  groupName: 'license_information',
};

describe('properties', () => {
  it('ships contacts, companies and deals with their built-in properties', async () => {
    const client = clientFor(fake);
    const names = async (type: string) =>
      (await client.crm.properties.coreApi.getAll(type)).results.map((p) => p.name);

    expect(await names('contacts')).toEqual(expect.arrayContaining(['email', 'firstname', 'lastname']));
    expect(await names('0-2')).toEqual(expect.arrayContaining(['name', 'domain']));
    expect(await names('deals')).toEqual(expect.arrayContaining(['dealname', 'amount', 'dealstage']));
  });

  it('creates a property on a custom object and refuses the same name with 409', async () => {
    const client = clientFor(fake);
    const { objectTypeId } = await createSchema(client);

    const created = await client.crm.properties.coreApi.create(objectTypeId, trialEnds);
    const { code, body } = await failure(client.crm.properties.coreApi.create(objectTypeId, trialEnds));

    expect(created.name).toBe('trial_ends_on');
    expect((await client.crm.properties.coreApi.getByName(objectTypeId, 'trial_ends_on')).type).toBe('date');
    expect(code).toBe(409);
    expect(body.category).toBe('OBJECT_ALREADY_EXISTS');
  });

  it('batch-creates properties, reporting a duplicate as a 207 error', async () => {
    const client = clientFor(fake);
    const res = await client.crm.properties.batchApi.create('contacts', {
      inputs: [
        { ...trialEnds, groupName: 'contactinformation' },
        { ...trialEnds, name: 'email', label: 'Email' },
      ],
    });
    expect(res.results.map((p) => p.name)).toEqual(['trial_ends_on']);
    expect('numErrors' in res && res.numErrors).toBe(1);
  });

  it('answers an unknown property in a write with 400 PROPERTY_DOESNT_EXIST in HubSpot’s shape', async () => {
    const client = clientFor(fake);
    const { code } = await failure(
      client.crm.contacts.basicApi.create({
        properties: { email: 'a@example.com', favourite_colour: 'red' },
        associations: [],
      }),
    );
    const wire = fake.requests().at(-1)?.responseBody as Record<string, unknown>;

    expect(code).toBe(400);
    expect(wire).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      correlationId: expect.any(String),
      errors: [{ code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: ['favourite_colour'] } }],
    });
    expect(wire.message).toMatch(
      /^Property values were not valid: \[\{"isValid":false,.*"error":"PROPERTY_DOESNT_EXIST"/,
    );
  });

  it('stops accepting a property once someone deletes it in HubSpot', async () => {
    const client = clientFor(fake);
    const { objectTypeId } = await createSchema(client);
    await client.crm.properties.coreApi.archive(objectTypeId, 'seats');

    const { code } = await failure(
      client.crm.objects.basicApi.create(objectTypeId, {
        properties: { license_key: 'K', seats: '3' },
        associations: [],
      }),
    );
    expect(code).toBe(400);
  });

  it.each([
    ['a non-string value', { license_key: 'K', seats: 3 }],
    ['an enumeration value that is not an option', { license_key: 'K', status: 'paused' }],
    ['a date that is not midnight UTC', { license_key: 'K', expires_on: '1767225600001' }],
    ['a date in another format', { license_key: 'K', expires_on: '01/02/2026' }],
    ['a number that is not a number', { license_key: 'K', seats: 'three' }],
    ['a read-only property', { license_key: 'K', hs_object_id: '1' }],
    ['a missing required property', { seats: '3' }],
  ])('refuses %s with 400', async (_rule, properties) => {
    const client = clientFor(fake);
    const { objectTypeId } = await createSchema(client);
    const res = await fetch(`${fake.url}/crm/v3/objects/${objectTypeId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.defaultPortal.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties, associations: [] }),
    });
    expect(res.status).toBe(400);
    expect(fake.records(objectTypeId)).toHaveLength(0);
  });

  it('stores a date given as midnight-UTC milliseconds as YYYY-MM-DD', async () => {
    const client = clientFor(fake);
    const { objectTypeId } = await createSchema(client);
    const record = await client.crm.objects.basicApi.create(objectTypeId, {
      properties: { license_key: 'K', expires_on: String(Date.UTC(2026, 0, 1)) },
      associations: [],
    });
    expect(record.properties.expires_on).toBe('2026-01-01');
  });
});
