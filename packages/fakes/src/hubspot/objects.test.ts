import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeHubspot } from './create-fake-hubspot';
import { clientFor, createSchema, failure } from './test-fixtures';

const fake = await createFakeHubspot();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const setup = async () => {
  const client = clientFor(fake);
  const { objectTypeId } = await createSchema(client);
  return { client, objectTypeId };
};
const license = (key: string, properties: Record<string, string> = {}) => ({
  idProperty: 'license_key',
  id: key,
  properties: { status: 'active', ...properties },
});

describe('batch upsert', () => {
  it('creates by unique property, then updates the same record', async () => {
    const { client, objectTypeId } = await setup();
    const first = await client.crm.objects.batchApi.upsert(objectTypeId, {
      inputs: [license('LIC-1', { seats: '3' })],
    });
    const second = await client.crm.objects.batchApi.upsert(objectTypeId, {
      inputs: [license('LIC-1', { seats: '5' })],
    });

    expect(first.results[0]?._new).toBe(true);
    expect(second.results[0]?._new).toBe(false);
    expect(second.results[0]?.id).toBe(first.results[0]?.id);
    expect(fake.records(objectTypeId).map((r) => r.properties.seats)).toEqual(['5']);
  });

  it('upserts contacts by email, case-insensitively', async () => {
    const client = clientFor(fake);
    const input = (email: string) => ({ idProperty: 'email', id: email, properties: { firstname: 'Ada' } });
    await client.crm.contacts.batchApi.upsert({ inputs: [input('ada@example.com')] });
    const again = await client.crm.contacts.batchApi.upsert({ inputs: [input('Ada@Example.com')] });
    expect(again.results[0]?._new).toBe(false);
    expect(fake.records('contacts')).toHaveLength(1);
  });

  it('refuses 101 inputs with 400 and writes nothing', async () => {
    const { client, objectTypeId } = await setup();
    const inputs = Array.from({ length: 101 }, (_, i) => license(`LIC-${i}`));
    const { code } = await failure(client.crm.objects.batchApi.upsert(objectTypeId, { inputs }));
    expect(code).toBe(400);
    expect(fake.records(objectTypeId)).toHaveLength(0);
  });

  it('refuses the same id twice in one batch with 400', async () => {
    const { client, objectTypeId } = await setup();
    const { code } = await failure(
      client.crm.objects.batchApi.upsert(objectTypeId, { inputs: [license('A'), license('A')] }),
    );
    expect(code).toBe(400);
  });

  it('refuses an idProperty that is not unique with 400', async () => {
    const { client, objectTypeId } = await setup();
    const inputs = [{ idProperty: 'status', id: 'active', properties: {} }];
    const { code, body } = await failure(client.crm.objects.batchApi.upsert(objectTypeId, { inputs }));
    expect(code).toBe(400);
    expect(body.message).toContain(`non-unique ${objectTypeId} property status`);
  });

  it('answers 207 when one input of three is bad: the other two land', async () => {
    const { client, objectTypeId } = await setup();
    const res = await client.crm.objects.batchApi.upsertWithHttpInfo(objectTypeId, {
      inputs: [license('A'), license('B', { status: 'paused' }), license('C')],
    });

    expect(res.httpStatusCode).toBe(207);
    expect(res.data.results.map((r) => r.properties.license_key).sort()).toEqual(['A', 'C']);
    expect('errors' in res.data && res.data.errors?.[0]).toMatchObject({
      category: 'VALIDATION_ERROR',
      context: { ids: ['B'] },
    });
    expect(fake.records(objectTypeId)).toHaveLength(2);
  });

  it('answers 400 for an object type the portal does not have', async () => {
    const { client } = await setup();
    const { code, body } = await failure(
      client.crm.objects.batchApi.upsert('p999_license', { inputs: [license('A')] }),
    );
    expect(code).toBe(400);
    expect(body.message).toBe('Unable to infer object type from: p999_license');
  });
});

describe('batch create, read and update', () => {
  it('answers 409 CONFLICT for a unique value that already exists', async () => {
    const { client, objectTypeId } = await setup();
    await client.crm.objects.basicApi.create(objectTypeId, {
      properties: { license_key: 'A' },
      associations: [],
    });
    const { code, body } = await failure(
      client.crm.objects.batchApi.create(objectTypeId, {
        inputs: [{ properties: { license_key: 'A' }, associations: [] }],
      }),
    );
    expect(code).toBe(409);
    expect(body.category).toBe('CONFLICT');
  });

  it('fails a whole create batch on one bad input unless every input has an objectWriteTraceId', async () => {
    const { client, objectTypeId } = await setup();
    const inputs = (traced: boolean) =>
      ['A', 'B'].map((key, i) => ({
        properties: { license_key: key, status: i === 1 ? 'paused' : 'active' },
        associations: [],
        ...(traced ? { objectWriteTraceId: `t-${key}` } : {}),
      }));

    expect(
      (await failure(client.crm.objects.batchApi.create(objectTypeId, { inputs: inputs(false) }))).code,
    ).toBe(400);
    expect(fake.records(objectTypeId)).toHaveLength(0);

    const res = await client.crm.objects.batchApi.createWithHttpInfo(objectTypeId, { inputs: inputs(true) });
    expect(res.httpStatusCode).toBe(207);
    expect(fake.records(objectTypeId)).toHaveLength(1);
  });

  it('reads by unique property and reports missing ids in a 207', async () => {
    const { client, objectTypeId } = await setup();
    await client.crm.objects.batchApi.upsert(objectTypeId, { inputs: [license('A', { seats: '2' })] });
    const res = await client.crm.objects.batchApi.readWithHttpInfo(objectTypeId, {
      idProperty: 'license_key',
      inputs: [{ id: 'A' }, { id: 'NOPE' }],
      properties: ['seats'],
      propertiesWithHistory: [],
    });
    expect(res.httpStatusCode).toBe(207);
    expect(res.data.results[0]?.properties).toEqual({ seats: '2' });
    expect('errors' in res.data && res.data.errors?.[0]?.context).toEqual({ ids: ['NOPE'] });
  });

  it('updates by record id and reports an unknown id without failing the rest', async () => {
    const { client, objectTypeId } = await setup();
    const { results } = await client.crm.objects.batchApi.upsert(objectTypeId, { inputs: [license('A')] });
    const res = await client.crm.objects.batchApi.updateWithHttpInfo(objectTypeId, {
      inputs: [
        { id: results[0]?.id ?? '', properties: { status: 'revoked' } },
        { id: '1', properties: { status: 'revoked' } },
      ],
    });
    expect(res.httpStatusCode).toBe(207);
    expect(fake.records(objectTypeId)[0]?.properties.status).toBe('revoked');
  });
});

describe('single records', () => {
  it('gets, patches and archives a record; an archived record is gone', async () => {
    const { client, objectTypeId } = await setup();
    const created = await client.crm.objects.basicApi.create(objectTypeId, {
      properties: { license_key: 'A' },
      associations: [],
    });
    await client.crm.objects.basicApi.update(objectTypeId, created.id, { properties: { seats: '7' } });
    const read = await client.crm.objects.basicApi.getById(
      objectTypeId,
      'A',
      ['seats'],
      undefined,
      undefined,
      undefined,
      'license_key',
    );
    await client.crm.objects.basicApi.archive(objectTypeId, created.id);

    expect(read.properties).toEqual({ seats: '7' });
    expect((await failure(client.crm.objects.basicApi.getById(objectTypeId, created.id))).code).toBe(404);
  });
});
