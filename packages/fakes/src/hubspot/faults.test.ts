import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeHubspot } from './create-fake-hubspot';
import { clientFor, failure } from './test-fixtures';

const fake = await createFakeHubspot();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const upsertContact = (email: string) =>
  clientFor(fake).crm.contacts.batchApi.upsert({
    inputs: [{ idProperty: 'email', id: email, properties: {} }],
  });

describe('fault knobs', () => {
  it('failNext answers the chosen 5xx without applying the request, then recovers', async () => {
    fake.failNext(2, { status: 502 });
    expect((await failure(upsertContact('a@example.com'))).code).toBe(502);
    expect((await failure(upsertContact('a@example.com'))).code).toBe(502);
    expect(fake.records('contacts')).toHaveLength(0);

    await upsertContact('a@example.com');
    expect(fake.records('contacts')).toHaveLength(1);
  });

  it('failNext only hits matching paths', async () => {
    fake.failNext(1, { status: 500, path: /batch\/upsert/ });
    await clientFor(fake).crm.properties.coreApi.getAll('contacts');
    expect((await failure(upsertContact('a@example.com'))).code).toBe(500);
  });

  it('afterWrite applies the request but answers the 5xx, so a retry must be idempotent', async () => {
    fake.failNext(1, { status: 503, afterWrite: true });
    expect((await failure(upsertContact('a@example.com'))).code).toBe(503);
    expect(fake.records('contacts')).toHaveLength(1);

    const retry = await upsertContact('a@example.com');
    expect(retry.results[0]?._new).toBe(false);
  });

  it('force429 answers a storm of TEN_SECONDLY_ROLLING 429s', async () => {
    fake.force429(3);
    for (let i = 0; i < 3; i++) expect((await failure(upsertContact('a@example.com'))).code).toBe(429);
    await upsertContact('a@example.com');
    expect(fake.calls('POST /crm/v3/objects/{objectType}/batch/upsert')).toBe(4);
  });

  it('setLatency delays responses', async () => {
    fake.setLatency(120);
    const started = Date.now();
    await clientFor(fake).crm.properties.coreApi.getAll('contacts');
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('answers 401 in HubSpot’s shape without a known bearer token', async () => {
    const { code } = await failure(clientFor(fake, 'wrong').crm.properties.coreApi.getAll('contacts'));
    const wire = fake.requests().at(-1)?.responseBody;
    expect(code).toBe(401);
    expect(wire).toMatchObject({
      status: 'error',
      category: 'INVALID_AUTHENTICATION',
      correlationId: expect.any(String),
    });
  });

  it('failBatchOnInvalid refuses the whole batch with a 400 and writes none of it', async () => {
    const upsert = (inputs: Array<{ id: string; properties: Record<string, string> }>) =>
      clientFor(fake).crm.contacts.batchApi.upsert({
        inputs: inputs.map((i) => ({ idProperty: 'email', ...i })),
      });
    const batch: Array<{ id: string; properties: Record<string, string> }> = [
      { id: 'ok@example.com', properties: {} },
      { id: 'bad@example.com', properties: { no_such_property: 'x' } },
    ];
    const partial = await clientFor(fake).crm.contacts.batchApi.upsertWithHttpInfo({
      inputs: batch.map((i) => ({ idProperty: 'email', ...i })),
    });
    expect(partial.httpStatusCode).toBe(207);

    fake.reset();
    fake.failBatchOnInvalid(true);
    const { code, body } = await failure(upsert(batch));
    expect(code).toBe(400);
    expect(String(body.message)).toContain('no_such_property');
    expect(fake.records('contacts')).toHaveLength(0);
    await upsert(batch.slice(0, 1));
    expect(fake.records('contacts')).toHaveLength(1);
  });

  it('revokeToken makes every request of the token answer 401 until addPortal restores it', async () => {
    fake.revokeToken(fake.defaultPortal.token);
    expect((await failure(upsertContact('a@example.com'))).code).toBe(401);
    fake.addPortal(fake.defaultPortal);
    await upsertContact('a@example.com');
    expect(fake.records('contacts')).toHaveLength(1);
  });
});
