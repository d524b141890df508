import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerCounts } from './support/hubspot-cards-fixtures';
import { type CardStack, startCardStack } from './support/start-card-stack';

// One license from a card: every field, the link, the edits its type allows, features, custom fields.
let stack: CardStack['stack'];
let card: CardStack['card'];
let policy: CardStack['policy'];
let contactOrder: CardStack['contactOrder'];
const db = () => stack.api.db;

beforeAll(async () => {
  ({ stack, card, policy, contactOrder } = await startCardStack());
});
afterAll(() => stack.close());

describe('one license: detail and edits', () => {
  let timeLimited: string;
  let perpetual: string;

  beforeAll(async () => {
    const res = await contactOrder('601', { email: 'edit@example.com' });
    timeLimited = res.body.licenses[0].id;
    const p = await contactOrder('601', { email: 'edit@example.com' }, { policyId: policy('forever').id });
    perpetual = p.body.licenses[0].id;
  });

  it('shows every field, features, custom fields, what its type lets change, and the link', async () => {
    const res = await card(`/licenses/${timeLimited}`);
    expect(res.status).toBe(200);
    expect(res.body.license).toMatchObject({
      id: timeLimited,
      licenseType: 'time-limited',
      features: [{ code: 'batch', name: 'Batch' }],
      availableFeatures: [{ code: 'export', name: 'Export' }],
      customFields: [{ name: 'tier', value: 'standard', defaultValue: 'standard' }],
    });
    expect(res.body.editableFields).toEqual([
      'validUntil',
      'maintenanceUntil',
      'maxActivations',
      'floatingCloud',
      'isTrial',
    ]);
    expect(res.body.link).toBe(
      `${stack.env.config.PUBLIC_URL}/console/licenses/${timeLimited}?workspace=default`,
    );
    const p = await card(`/licenses/${perpetual}`);
    expect(p.body.editableFields).not.toContain('validUntil');
    expect((await card('/licenses/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('updates the fields its type allows and lists what changed', async () => {
    const until = '2030-01-01T00:00:00.000Z';
    const before = (await card(`/licenses/${timeLimited}`)).body.license;
    const res = await card(`/licenses/${timeLimited}`, {
      method: 'PATCH',
      body: { maxActivations: 5, validUntil: until, isTrial: false },
    });
    expect(res.status).toBe(200);
    expect(res.body.changedFields).toEqual([
      { field: 'validUntil', from: before.validUntil, to: until },
      { field: 'maxActivations', from: 1, to: 5 },
    ]);
    expect(res.body.license).toMatchObject({ maxActivations: 5, validUntil: until });
    const [entry] = await db()
      .select()
      .from(schema.activityLog)
      .where(and(eq(schema.activityLog.kind, 'license.updated')));
    expect(entry!.actor).toBe('hubspot-user:rep@seller.example');
  });

  it('refuses a field its type does not allow, changing nothing', async () => {
    const before = await ledgerCounts(db());
    const res = await card(`/licenses/${perpetual}`, {
      method: 'PATCH',
      body: { validUntil: '2030-01-01T00:00:00Z' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('perpetual');
    expect(await ledgerCounts(db())).toEqual(before);
  });

  it('refuses maxLicenseUsers on a license-key product with 422, changing nothing', async () => {
    const before = (await card(`/licenses/${perpetual}`)).body.license;
    for (const maxLicenseUsers of [5, null]) {
      const res = await card(`/licenses/${perpetual}`, { method: 'PATCH', body: { maxLicenseUsers } });
      expect(res.status).toBe(422);
      expect(res.body.error.message).toContain('user-authorized');
    }
    expect((await card(`/licenses/${perpetual}`)).body.license).toEqual(before);
  });

  it('adds and removes product features', async () => {
    const added = await card(`/licenses/${timeLimited}/features`, {
      method: 'POST',
      body: { code: 'export' },
    });
    expect(added.status).toBe(201);
    expect(added.body.license.features.map((f: { code: string }) => f.code)).toEqual(['batch', 'export']);
    expect(added.body.changedFields).toEqual([{ field: 'features', added: 'export' }]);
    expect(
      (await card(`/licenses/${timeLimited}/features`, { method: 'POST', body: { code: 'export' } })).status,
    ).toBe(409);
    expect(
      (await card(`/licenses/${timeLimited}/features`, { method: 'POST', body: { code: 'nope' } })).status,
    ).toBe(422);
    const removed = await card(`/licenses/${timeLimited}/features/batch`, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(removed.body.license.features.map((f: { code: string }) => f.code)).toEqual(['export']);
  });

  it('edits a custom field value', async () => {
    const res = await card(`/licenses/${timeLimited}/custom-fields/tier`, {
      method: 'PUT',
      body: { value: 'platinum' },
    });
    expect(res.status).toBe(200);
    expect(res.body.changedFields).toEqual([
      { field: 'customFields.tier', from: 'standard', to: 'platinum' },
    ]);
    expect(res.body.license.customFields).toEqual([
      { name: 'tier', value: 'platinum', defaultValue: 'standard' },
    ]);
    const same = await card(`/licenses/${timeLimited}/custom-fields/tier`, {
      method: 'PUT',
      body: { value: 'platinum' },
    });
    expect(same.body.changedFields).toEqual([]);
    expect(
      (await card(`/licenses/${timeLimited}/custom-fields/typo`, { method: 'PUT', body: { value: 'x' } }))
        .status,
    ).toBe(422);
  });
});

describe('a consumption license from a card', () => {
  it('the form asks for its limits, the order sets them, PATCH changes them; other types refuse them', async () => {
    const imported = await stack.call('POST', '/catalog/import', {
      products: [
        {
          short_code: 'meter',
          name: 'Meter',
          authorization_method: 'license-key',
          policies: [
            {
              code: 'metered',
              name: 'Metered',
              license_type: 'consumption',
              max_consumptions: 1000,
              allow_overages: false,
              is_default: true,
            },
          ],
        },
      ],
    });
    expect(imported.status).toBe(200);
    const meter = (await card('/products')).body.products.find(
      (p: { shortCode: string }) => p.shortCode === 'meter',
    );
    const metered = meter.policies[0];
    const fields = Object.fromEntries(
      metered.fields.map((f: { name: string; default: unknown }) => [f.name, f.default]),
    );
    expect(fields).toMatchObject({ maxConsumptions: 1000, allowOverages: false, maxOverages: null });

    const order = await contactOrder(
      '602',
      { email: 'meter@example.com' },
      {
        productId: meter.id,
        policyId: metered.id,
        overrides: { maxConsumptions: 200, allowOverages: true, maxOverages: 20 },
      },
    );
    expect(order.status).toBe(201);
    const id = order.body.licenses[0].id;
    const shown = await card(`/licenses/${id}`);
    expect(shown.body.license).toMatchObject({ maxConsumptions: 200, allowOverages: true, maxOverages: 20 });
    expect(shown.body.editableFields).toEqual(
      expect.arrayContaining(['maxConsumptions', 'allowOverages', 'maxOverages']),
    );

    const patched = await card(`/licenses/${id}`, { method: 'PATCH', body: { maxOverages: 50 } });
    expect(patched.status).toBe(200);
    expect(patched.body.changedFields).toEqual([{ field: 'maxOverages', from: 20, to: 50 }]);

    // A time-limited license consumes nothing: neither the order nor PATCH takes the limits.
    const wrongOrder = await contactOrder(
      '602',
      { email: 'meter@example.com' },
      { overrides: { maxConsumptions: 5 } },
    );
    expect(wrongOrder.status).toBe(422);
    const timeLimited = (await contactOrder('602', { email: 'meter@example.com' })).body.licenses[0].id;
    const wrongPatch = await card(`/licenses/${timeLimited}`, {
      method: 'PATCH',
      body: { maxConsumptions: 5 },
    });
    expect(wrongPatch.status).toBe(422);
    expect(wrongPatch.body.error.message).toContain('time-limited');
  });
});
