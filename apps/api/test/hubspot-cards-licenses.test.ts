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
