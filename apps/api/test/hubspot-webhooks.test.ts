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
import { type ApiStack, startApi } from './support/start-api';

// The app's webhook subscriptions: a contact or company deleted in HubSpot loses its connection.
let stack: ApiStack;
let customerId: string;

const post = (events: unknown, opts: { unsigned?: boolean } = {}) => {
  const body = JSON.stringify(events);
  const url = `${stack.env.config.PUBLIC_URL}/hubspot/webhooks`;
  const headers = opts.unsigned
    ? {}
    : signHubspotRequest({ method: 'POST', url, body, clientSecret: CLIENT_SECRET });
  return fetch(`${stack.api.url}/hubspot/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  }).then(async (r) => ({ status: r.status, body: await r.json() }));
};
const event = (subscriptionType: string, objectId: number, portalId = PORTAL) => ({
  eventId: 1,
  subscriptionId: 2,
  portalId,
  appId: 9001,
  occurredAt: Date.now(),
  subscriptionType,
  attemptNumber: 0,
  objectId,
  changeSource: 'CRM',
});

beforeAll(async () => {
  stack = await startApi({ HUBSPOT_CLIENT_SECRET: CLIENT_SECRET });
  expect((await stack.call('POST', '/catalog/import', CARD_CATALOG)).status).toBe(200);
  await connectPortal(stack.api.db, stack.api.workspaceId, PORTAL);
  const created = await stack.call('POST', '/workspaces', { slug: 'ws-b', name: 'Workspace B' });
  await connectPortal(stack.api.db, created.body.id, OTHER_PORTAL);
  const card = cardFetch(stack);
  const pro = (await card('/products')).body.products[0];
  const order = await card('/orders', {
    method: 'POST',
    body: {
      objectType: 'contact',
      objectId: '101',
      record: { email: 'gone@example.com' },
      productId: pro.id,
      quantity: 1,
    },
  });
  customerId = order.body.customer.id;
});
afterAll(() => stack.close());

const connected = async () => (await cardFetch(stack)('/records/contact/101/licenses')).body.connected;

describe('POST /hubspot/webhooks', () => {
  it('refuses an unsigned batch with 401 and changes nothing', async () => {
    const before = await ledgerCounts(stack.api.db);
    const res = await post([event('contact.deletion', 101)], { unsigned: true });
    expect(res.status).toBe(401);
    expect(await ledgerCounts(stack.api.db)).toEqual(before);
  });

  it("ignores another portal's deletion of a record with the same id", async () => {
    const res = await post([event('contact.deletion', 101, OTHER_PORTAL)]);
    expect(res.body).toEqual({ received: 1, forgotten: 0, ignored: 0 });
    expect(await connected()).toBe(true);
  });

  it('answers 200 to events it does not handle, and to unknown portals', async () => {
    const res = await post([event('contact.creation', 101), event('contact.deletion', 101, 777)]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: 2, forgotten: 0, ignored: 2 });
    expect(await connected()).toBe(true);
  });

  it('drops the connection of a deleted contact, keeping our customer and licenses; a redelivery does nothing', async () => {
    const res = await post([event('contact.deletion', 101)]);
    expect(res.body).toEqual({ received: 1, forgotten: 1, ignored: 0 });
    expect(await connected()).toBe(false);
    const licenses = await stack.api.db
      .select()
      .from(schema.licenses)
      .where(eq(schema.licenses.customerId, customerId));
    expect(licenses).toHaveLength(1);
    const [entry] = await stack.api.db
      .select()
      .from(schema.activityLog)
      .where(eq(schema.activityLog.kind, 'hubspot.record_deleted'));
    expect(entry!.actor).toBe(`hubspot-portal:${PORTAL}`);
    const again = await post([event('contact.deletion', 101)]);
    expect(again.body).toEqual({ received: 1, forgotten: 0, ignored: 0 });
  });

  it('refuses a body that is not a batch of events with 400', async () => {
    expect((await post({ not: 'an array' })).status).toBe(400);
  });
});
