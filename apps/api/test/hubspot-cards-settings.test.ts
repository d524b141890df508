import * as schema from '@licensync/core/schema';
import { hubspotFetch } from '@licensync/fakes/hubspot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_SECRET, PORTAL } from './support/hubspot-cards-fixtures';
import { type CardStack, startCardStack } from './support/start-card-stack';

// The Licenses cards' field choice: kept per portal and HubSpot user, in Postgres.
let stack: CardStack['stack'];
let card: CardStack['card'];

beforeAll(async () => {
  ({ stack, card } = await startCardStack());
});
afterAll(() => stack.close());

/** `hubspot.fetch` from another user of the same portal (or from none). */
const asUser = (userId: number | undefined) => (path: string) =>
  hubspotFetch(
    {
      apiUrl: stack.api.url,
      publicUrl: stack.env.config.PUBLIC_URL,
      clientSecret: CLIENT_SECRET,
      portalId: PORTAL,
      userId,
      appId: 9001,
    },
    path,
  );

describe('GET/PUT /hubspot/cards/settings/fields', () => {
  it('keeps each user’s choice per layout, and answers null where they never chose', async () => {
    expect((await card('/settings/fields')).body).toEqual({ fields: { sidebar: null, table: null } });
    const saved = await card('/settings/fields', {
      method: 'PUT',
      body: { layout: 'sidebar', fields: ['key', 'validUntil', 'key'] },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.fields).toEqual({ sidebar: ['key', 'validUntil'], table: null });
    await card('/settings/fields', { method: 'PUT', body: { layout: 'sidebar', fields: ['status'] } });
    await card('/settings/fields', { method: 'PUT', body: { layout: 'table', fields: ['key', 'status'] } });
    expect((await card('/settings/fields')).body.fields).toEqual({
      sidebar: ['status'],
      table: ['key', 'status'],
    });
    // Another user of the portal has their own.
    const other = asUser(78);
    expect((await other('/hubspot/cards/settings/fields')).body.fields).toEqual({
      sidebar: null,
      table: null,
    });
    const rows = await stack.api.db.select().from(schema.hubspotCardSettings);
    expect(rows.map((r) => [r.portalId, r.hubspotUserId, r.layout]).sort()).toEqual([
      [String(PORTAL), '77', 'sidebar'],
      [String(PORTAL), '77', 'table'],
    ]);
  });

  it('refuses an empty or malformed choice (400) and a request without a user', async () => {
    const empty = await card('/settings/fields', { method: 'PUT', body: { layout: 'sidebar', fields: [] } });
    expect(empty.status).toBe(400);
    const bad = await card('/settings/fields', { method: 'PUT', body: { layout: 'side', fields: ['<b>'] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['layout']));
    const nobody = await asUser(undefined)('/hubspot/cards/settings/fields');
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.code).toBe('missing_user');
  });
});
