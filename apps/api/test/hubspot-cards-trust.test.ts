import * as schema from '@licensync/core/schema';
import { signHubspotRequest } from '@licensync/fakes/hubspot';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CARD_CATALOG,
  CLIENT_SECRET,
  cardFetch,
  connectPortal,
  ledgerCounts,
  OTHER_PORTAL,
  PORTAL,
} from './support/hubspot-cards-fixtures';
import { type SeededWorkspace, seedWorkspace } from './support/seed-workspace';
import { type ApiStack, startApi } from './support/start-api';

// Every card request is HubSpot's (v3 signature over PUBLIC_URL + path + query + body + time) and
// reaches only the workspace of its portal.
let stack: ApiStack;
let other: SeededWorkspace;
let otherWorkspaceId: string;
let card: ReturnType<typeof cardFetch>;
let proId: string;

const orderBody = () => ({
  objectType: 'contact',
  objectId: '501',
  record: { email: 'mallory@example.com', firstName: 'Mallory' },
  productId: proId,
  quantity: 1,
});

beforeAll(async () => {
  stack = await startApi({ HUBSPOT_CLIENT_SECRET: CLIENT_SECRET });
  expect((await stack.call('POST', '/catalog/import', CARD_CATALOG)).status).toBe(200);
  const created = await stack.call('POST', '/workspaces', { slug: 'ws-b', name: 'Workspace B' });
  otherWorkspaceId = created.body.id;
  other = await seedWorkspace(stack.api.db, otherWorkspaceId, 'wsb');
  await connectPortal(stack.api.db, stack.api.workspaceId, PORTAL);
  await connectPortal(stack.api.db, otherWorkspaceId, OTHER_PORTAL);
  // Workspace B's customer is connected to its portal's contact 900.
  await stack.api.db.insert(schema.externalLinks).values({
    workspaceId: otherWorkspaceId,
    entityKind: 'customer',
    entityId: other.customerId,
    provider: 'hubspot',
    externalType: '0-1',
    externalId: '900',
  });
  card = cardFetch(stack);
  const products = await card('/products');
  proId = products.body.products.find((p: { shortCode: string }) => p.shortCode === 'pro').id;
});
afterAll(() => stack.close());

describe('HubSpot signature on /hubspot/cards', () => {
  it('answers a request signed as HubSpot signs it', async () => {
    const res = await card('/products');
    expect(res.status).toBe(200);
    expect(res.body.products.map((p: { shortCode: string }) => p.shortCode)).toEqual(['pro', 'seats']);
  });

  it.each([
    ['unsigned', { unsigned: true }, 'missing X-HubSpot-Signature-v3'],
    ['signed with a wrong secret', { signWith: { clientSecret: 'not-the-app-secret' } }, 'does not match'],
    [
      'a tampered body',
      { signWith: { body: JSON.stringify({ ...orderBody(), quantity: 1000 }) } },
      'does not match',
    ],
    ['a stale timestamp', { signWith: { timestamp: Date.now() - 5 * 60_000 - 1000 } }, '5 minutes'],
  ] as const)('refuses a create order %s with 401 and writes nothing', async (_what, init, reason) => {
    const before = await ledgerCounts(stack.api.db);
    const res = await card('/orders', { method: 'POST', body: orderBody(), ...init });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'bad_signature' });
    expect(res.body.error.message).toContain(reason);
    expect(await ledgerCounts(stack.api.db)).toEqual(before);
  });

  it('refuses a signed request replayed with another portalId in the query', async () => {
    const signedUrl = `${stack.env.config.PUBLIC_URL}/hubspot/cards/licenses/${other.licenseId}?portalId=${PORTAL}`;
    const headers = signHubspotRequest({ method: 'GET', url: signedUrl, clientSecret: CLIENT_SECRET });
    const res = await fetch(
      `${stack.api.url}/hubspot/cards/licenses/${other.licenseId}?portalId=${OTHER_PORTAL}`,
      {
        headers,
      },
    );
    expect(res.status).toBe(401);
  });

  it('refuses the v2 signature alone on card endpoints (only the workflow action accepts it)', async () => {
    const url = `${stack.env.config.PUBLIC_URL}/hubspot/cards/products?portalId=${PORTAL}`;
    const headers = signHubspotRequest({ method: 'GET', url, clientSecret: CLIENT_SECRET, versions: ['v2'] });
    const res = await fetch(`${stack.api.url}/hubspot/cards/products?portalId=${PORTAL}`, { headers });
    expect(res.status).toBe(401);
  });
});

describe('the portal selects the workspace', () => {
  it('answers 404 for a portal connected to no workspace', async () => {
    const res = await cardFetch(stack, 777)('/products');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('unknown_portal');
  });

  it('answers 404 for a portal whose connection was disconnected', async () => {
    const created = await stack.call('POST', '/workspaces', { slug: 'ws-c', name: 'Workspace C' });
    await connectPortal(stack.api.db, created.body.id, 888);
    expect((await cardFetch(stack, 888)('/products')).status).toBe(200);
    await stack.api.db
      .update(schema.hubspotConnections)
      .set({ status: 'disconnected' })
      .where(eq(schema.hubspotConnections.portalId, '888'));
    const res = await cardFetch(stack, 888)('/products');
    expect(res.status).toBe(404);
  });

  it('shows each portal its own catalog', async () => {
    const res = await cardFetch(stack, OTHER_PORTAL)('/products');
    expect(res.status).toBe(200);
    expect(res.body.products.map((p: { shortCode: string }) => p.shortCode)).not.toContain('seats');
  });

  it("refuses another portal's license, its edits and its sync with 404, and changes nothing", async () => {
    const before = await ledgerCounts(stack.api.db);
    const [license] = await stack.api.db
      .select()
      .from(schema.licenses)
      .where(eq(schema.licenses.id, other.licenseId));
    const id = other.licenseId;
    const answers = [
      await card(`/licenses/${id}`),
      await card(`/licenses/${id}`, { method: 'PATCH', body: { maxActivations: 50 } }),
      await card(`/licenses/${id}/features`, { method: 'POST', body: { code: 'export-pdf' } }),
      await card(`/licenses/${id}/custom-fields/tier`, { method: 'PUT', body: { value: 'stolen' } }),
      await card('/records/contact/900/sync', { method: 'POST' }),
      await card('/records/contact/900/connection', { method: 'DELETE' }),
      await card('/records/contact/901/connection', {
        method: 'PUT',
        body: { customerId: other.customerId, record: { email: 'x@example.com' } },
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(await ledgerCounts(stack.api.db)).toEqual(before);
    const [after] = await stack.api.db.select().from(schema.licenses).where(eq(schema.licenses.id, id));
    expect(after).toEqual(license);
  });

  it("shows another portal's connected record as not connected here", async () => {
    const res = await card('/records/contact/900/licenses');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ connected: false, licenses: [], total: 0 });
    const theirs = await cardFetch(stack, OTHER_PORTAL)('/records/contact/900/licenses');
    expect(theirs.body).toMatchObject({ connected: true, total: 1 });
    expect(theirs.body.licenses[0].id).toBe(other.licenseId);
  });

  it("refuses another workspace's sync progress with 404", async () => {
    const run = await cardFetch(stack, OTHER_PORTAL)('/records/contact/900/sync', { method: 'POST' });
    expect(run.status).toBe(202);
    expect((await card(`/syncs/${run.body.syncId}`)).status).toBe(404);
    expect((await cardFetch(stack, OTHER_PORTAL)(`/syncs/${run.body.syncId}`)).status).toBe(200);
  });
});
