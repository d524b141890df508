import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeHubspot } from './create-fake-hubspot';
import { clientFor, createSchema, failure } from './test-fixtures';

const fake = await createFakeHubspot({ rateLimit: { searchPerSecond: 1_000 } });
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function seed(count: number) {
  const client = clientFor(fake);
  const { objectTypeId } = await createSchema(client);
  const inputs = Array.from({ length: count }, (_, i) => ({
    idProperty: 'license_key',
    id: `LIC-${String(i).padStart(3, '0')}`,
    properties: { status: i % 2 === 0 ? 'active' : 'revoked' },
  }));
  await client.crm.objects.batchApi.upsert(objectTypeId, { inputs });
  return { client, objectTypeId };
}

const request = (
  filters: Array<{ propertyName: string; operator: FilterOperatorEnum; value?: string; values?: string[] }>,
  after?: string,
) => ({
  filterGroups: [{ filters }],
  properties: ['license_key', 'status'],
  sorts: [],
  limit: 10,
  ...(after ? { after } : {}),
});

describe('search', () => {
  it('filters with EQ and pages with after', async () => {
    const { client, objectTypeId } = await seed(30);
    const active = [{ propertyName: 'status', operator: FilterOperatorEnum.Eq, value: 'active' }];
    const first = await client.crm.objects.searchApi.doSearch(objectTypeId, request(active));
    const second = await client.crm.objects.searchApi.doSearch(
      objectTypeId,
      request(active, first.paging?.next?.after),
    );

    expect(first.total).toBe(15);
    expect(first.results).toHaveLength(10);
    expect(second.results).toHaveLength(5);
    expect(second.paging).toBeUndefined();
    expect(new Set([...first.results, ...second.results].map((r) => r.id)).size).toBe(15);
  });

  it('filters with IN and HAS_PROPERTY', async () => {
    const { client, objectTypeId } = await seed(4);
    const byKeys = await client.crm.objects.searchApi.doSearch(
      objectTypeId,
      request([
        { propertyName: 'license_key', operator: FilterOperatorEnum.In, values: ['lic-001', 'lic-002'] },
      ]),
    );
    const withSeats = await client.crm.objects.searchApi.doSearch(
      objectTypeId,
      request([{ propertyName: 'seats', operator: FilterOperatorEnum.HasProperty }]),
    );
    // HubSpot documents that IN on string properties matches lowercase values only.
    expect(byKeys.results.map((r) => r.properties.license_key)).toEqual(['LIC-001', 'LIC-002']);
    expect(withSeats.total).toBe(0);
  });

  it('refuses a limit above 200 and an unknown property with 400', async () => {
    const { client, objectTypeId } = await seed(1);
    const tooBig = { ...request([]), limit: 201 };
    const unknown = request([{ propertyName: 'nope', operator: FilterOperatorEnum.Eq, value: 'x' }]);
    expect((await failure(client.crm.objects.searchApi.doSearch(objectTypeId, tooBig))).code).toBe(400);
    expect((await failure(client.crm.objects.searchApi.doSearch(objectTypeId, unknown))).code).toBe(400);
  });

  it('hides records written within the search lag', async () => {
    const { client, objectTypeId } = await seed(0);
    fake.setSearchLag(60_000);
    await client.crm.objects.basicApi.create(objectTypeId, {
      properties: { license_key: 'NEW' },
      associations: [],
    });
    expect((await client.crm.objects.searchApi.doSearch(objectTypeId, request([]))).total).toBe(0);
  });
});
