import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;
let perpetual: string;
let timeLimited: string;

const catalog = {
  products: [
    {
      short_code: 'pro',
      name: 'Pro',
      authorization_method: 'license-key',
      features: [
        { code: 'export', name: 'Export' },
        { code: 'batch', name: 'Batch' },
      ],
      custom_fields: [{ name: 'tier', default_value: 'standard' }],
      policies: [
        {
          code: 'forever',
          name: 'Perpetual',
          license_type: 'perpetual',
          is_default: true,
          max_activations: 2,
        },
        { code: 'annual', name: 'Annual', license_type: 'time-limited', valid_duration: '1y' },
        { code: 'monthly', name: 'Monthly', license_type: 'subscription' },
      ],
    },
  ],
};

const licenseOf = async (policy: string) => {
  const res = await stack.call('POST', '/orders', {
    customer: { email: 'edit@example.com' },
    product: 'pro',
    policy,
    quantity: 1,
  });
  return res.body.licenses[0].id as string;
};
const historyKinds = async (id: string) =>
  (await stack.call('GET', `/history?license_id=${id}`)).body.data.map((e: { kind: string }) => e.kind);
const pendingIntents = (id: string) =>
  stack.api.db
    .select()
    .from(schema.syncOutbox)
    .where(and(eq(schema.syncOutbox.objectId, id), eq(schema.syncOutbox.status, 'pending')));

beforeAll(async () => {
  stack = await startApi();
  await stack.call('POST', '/catalog/import', catalog);
  perpetual = await licenseOf('forever');
  timeLimited = await licenseOf('annual');
  // Drained, so the intents a test sees are the edit's.
  await stack.api.db.update(schema.syncOutbox).set({ status: 'done' });
});
afterAll(() => stack.close());

describe('PATCH /api/v1/licenses/{id}', () => {
  it('changes the fields the type allows and answers what changed, recorded with its actor and synced', async () => {
    const res = await stack.call(
      'PATCH',
      `/licenses/${timeLimited}`,
      { valid_until: '2032-05-01T00:00:00Z', max_activations: 4, is_trial: false },
      { 'x-licensync-client': 'cli' },
    );
    expect(res.status).toBe(200);
    expect(res.body.changed).toEqual(['valid_until', 'max_activations']);
    expect(res.body.license).toMatchObject({ valid_until: '2032-05-01T00:00:00.000Z', max_activations: 4 });
    expect(await historyKinds(timeLimited)).toContain('license.updated');
    const [entry] = await stack.api.db
      .select()
      .from(schema.activityLog)
      .where(eq(schema.activityLog.kind, 'license.updated'));
    expect(entry!.detail).toMatchObject({
      actor: 'admin-token',
      client: 'cli',
      changed: ['valid_until', 'max_activations'],
    });
    expect(await pendingIntents(timeLimited)).toHaveLength(1);
  });

  it('refuses a field the type does not allow with 422 naming the field and the type, changing nothing', async () => {
    const res = await stack.call('PATCH', `/licenses/${perpetual}`, {
      valid_until: '2030-01-01T00:00:00Z',
      max_activations: 9,
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(['valid_until']);
    expect(res.body.error).toContain('perpetual');
    const license = await stack.call('GET', `/licenses/${perpetual}`);
    expect(license.body).toMatchObject({ valid_until: null, max_activations: 2 });
  });

  it('a subscription license follows its subscription: valid_until is refused, max_activations is not', async () => {
    const subscription = await licenseOf('monthly');
    const refused = await stack.call('PATCH', `/licenses/${subscription}`, {
      valid_until: '2030-01-01T00:00:00Z',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toContain('subscription license');
    const allowed = await stack.call('PATCH', `/licenses/${subscription}`, { max_activations: 3 });
    expect(allowed.body.changed).toEqual(['max_activations']);
  });

  it('refuses floating_cloud above max_activations with 422', async () => {
    const res = await stack.call('PATCH', `/licenses/${perpetual}`, { floating_cloud: 5 });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(['floating_cloud']);
  });

  it('answers an empty change list and records nothing when nothing changes', async () => {
    const before = (await historyKinds(perpetual)).length;
    const res = await stack.call('PATCH', `/licenses/${perpetual}`, { max_activations: 2 });
    expect(res.body.changed).toEqual([]);
    expect((await historyKinds(perpetual)).length).toBe(before);
  });

  it.each([
    ['an unknown field', { license_key: 'X' }, 400],
    ['an empty body', {}, 400],
  ])('%s gets %i', async (_name, body, status) => {
    expect((await stack.call('PATCH', `/licenses/${perpetual}`, body)).status).toBe(status);
  });

  it('404s an unknown license', async () => {
    const res = await stack.call('PATCH', '/licenses/00000000-0000-4000-8000-000000000000', {
      max_activations: 2,
    });
    expect(res.status).toBe(404);
  });
});

describe('license features and custom fields', () => {
  it('adds and removes a feature, each in the history', async () => {
    const added = await stack.call('POST', `/licenses/${perpetual}/features`, { code: 'batch' });
    expect(added.status).toBe(201);
    expect(added.body.license.features).toEqual([{ code: 'batch', max_consumption: null }]);
    expect((await stack.call('POST', `/licenses/${perpetual}/features`, { code: 'batch' })).status).toBe(409);
    const removed = await stack.call('DELETE', `/licenses/${perpetual}/features/batch`);
    expect(removed.body.license.features).toEqual([]);
    expect((await stack.call('DELETE', `/licenses/${perpetual}/features/batch`)).status).toBe(404);
    expect(await historyKinds(perpetual)).toEqual(
      expect.arrayContaining(['license.feature_added', 'license.feature_removed']),
    );
  });

  it('refuses a feature the product lacks with 422 naming code', async () => {
    const res = await stack.call('POST', `/licenses/${perpetual}/features`, { code: 'fly' });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(['code']);
  });

  it('sets a custom field value; a name the product lacks gets 422', async () => {
    const res = await stack.call('PUT', `/licenses/${perpetual}/custom_fields/tier`, { value: 'gold' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      license: { custom_fields: { tier: 'gold' } },
      changed: ['custom_fields'],
    });
    expect(await historyKinds(perpetual)).toContain('license.custom_field_set');
    const again = await stack.call('PUT', `/licenses/${perpetual}/custom_fields/tier`, { value: 'gold' });
    expect(again.body.changed).toEqual([]);
    const typo = await stack.call('PUT', `/licenses/${perpetual}/custom_fields/teir`, { value: 'gold' });
    expect(typo.status).toBe(422);
    expect(Object.keys(typo.body.fields)).toEqual(['name']);
  });
});
