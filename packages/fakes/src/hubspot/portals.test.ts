import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeHubspot } from './create-fake-hubspot';
import { clientFor, createSchema, failure } from './test-fixtures';

const fake = await createFakeHubspot();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('portals', () => {
  it('keeps schemas, records and ids apart per portal', async () => {
    const other = fake.addPortal({ portalId: 777, token: 'portal-777' });
    const a = clientFor(fake);
    const b = clientFor(fake, other.token);
    const schemaA = await createSchema(a);
    const schemaB = await createSchema(b);
    const contact = await a.crm.contacts.basicApi.create({
      properties: { email: 'ada@example.com' },
      associations: [],
    });

    expect(schemaA.objectTypeId).not.toBe(schemaB.objectTypeId);
    expect(schemaB.fullyQualifiedName).toBe('p777_license');
    expect((await failure(b.crm.objects.basicApi.getPage(schemaA.objectTypeId))).code).toBe(400);
    expect((await failure(b.crm.contacts.basicApi.getById(contact.id))).code).toBe(404);
    expect(fake.records('contacts', { portalId: 777 })).toHaveLength(0);
  });

  it('counts requests per endpoint', async () => {
    const client = clientFor(fake);
    await client.crm.properties.coreApi.getAll('contacts');
    await client.crm.properties.coreApi.getAll('companies');
    expect(fake.calls('GET /crm/v3/properties/{objectType}')).toBe(2);
    expect(fake.callCounts()).toEqual({ 'GET /crm/v3/properties/{objectType}': 2 });
  });
});
