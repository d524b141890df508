import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

const stripe = new Stripe('sk_test_x');
const WS_B_SECRET = 'whsec_workspace_b_secret';
let stack: ApiStack;
let wsB: { id: string; slug: string };

const event = (id: string, note: string) =>
  JSON.stringify({ id, object: 'event', type: 'customer.created', created: 1, note, data: { object: {} } });

function postEvent(path: string, payload: string, secret: string) {
  return fetch(`${stack.api.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret }),
    },
    body: payload,
  });
}

const rowsOf = (externalId: string) =>
  stack.api.db.select().from(schema.inboxEvents).where(eq(schema.inboxEvents.externalId, externalId));

beforeAll(async () => {
  stack = await startApi();
  const created = await stack.call('POST', '/workspaces', { slug: 'ws-b', name: 'Workspace B' });
  expect(created.status).toBe(201);
  wsB = created.body;
  const connected = await stack.call(
    'POST',
    '/connections/stripe',
    { webhook_secret: WS_B_SECRET },
    { 'licensync-workspace': 'ws-b' },
  );
  expect(connected.status).toBe(200);
});
afterAll(() => stack.close());

describe('webhooks keep to their workspace', () => {
  it("checks each workspace's URL with its own signing secret", async () => {
    const payload = event('evt_secret', 'x');
    const config = stack.env.config;
    expect((await postEvent('/webhooks/stripe/ws-b', payload, config.STRIPE_WEBHOOK_SECRET)).status).toBe(
      400,
    );
    expect((await postEvent('/webhooks/stripe', payload, WS_B_SECRET)).status).toBe(400);
    expect((await postEvent('/webhooks/stripe/ws-b', payload, WS_B_SECRET)).status).toBe(200);
  });

  it('refuses events for a workspace that has no signing secret yet', async () => {
    await stack.call('POST', '/workspaces', { slug: 'ws-empty', name: 'Empty' });
    const res = await postEvent('/webhooks/stripe/ws-empty', event('evt_e', 'x'), WS_B_SECRET);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/no webhook signing secret/);
  });

  it("an event at ws-b does not reopen the default workspace's failed event of the same id", async () => {
    const config = stack.env.config;
    const original = event('evt_same', 'default');
    expect((await postEvent('/webhooks/stripe/default', original, config.STRIPE_WEBHOOK_SECRET)).status).toBe(
      200,
    );
    await stack.api.db
      .update(schema.inboxEvents)
      .set({ status: 'failed', lastError: 'boom' })
      .where(eq(schema.inboxEvents.externalId, 'evt_same'));

    const atB = await postEvent('/webhooks/stripe/ws-b', event('evt_same', 'ws-b'), WS_B_SECRET);
    expect(await atB.json()).toEqual({ received: true });

    const rows = await rowsOf('evt_same');
    expect(rows).toHaveLength(2);
    const mine = rows.find((r) => r.workspaceId === stack.api.workspaceId)!;
    expect(mine).toMatchObject({ status: 'failed', round: 0, lastError: 'boom' });
    expect(mine.payload.note).toBe('default');
    expect(rows.find((r) => r.workspaceId === wsB.id)).toMatchObject({ status: 'pending', round: 0 });
  });

  it('an event first sent to ws-b is new, not a duplicate, at the default URL', async () => {
    const payload = event('evt_first_b', 'both');
    expect(await (await postEvent('/webhooks/stripe/ws-b', payload, WS_B_SECRET)).json()).toEqual({
      received: true,
    });
    const atDefault = await postEvent('/webhooks/stripe', payload, stack.env.config.STRIPE_WEBHOOK_SECRET);
    expect(await atDefault.json()).toEqual({ received: true });
    const rows = await rowsOf('evt_first_b');
    expect(rows.map((r) => r.workspaceId).sort()).toEqual([stack.api.workspaceId, wsB.id].sort());
    // And a redelivery at ws-b is still that workspace's duplicate.
    const again = await postEvent('/webhooks/stripe/ws-b', payload, WS_B_SECRET);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
  });

  it("a redelivery reopens only its own workspace's failed event", async () => {
    await stack.api.db
      .update(schema.inboxEvents)
      .set({ status: 'failed' })
      .where(
        and(eq(schema.inboxEvents.externalId, 'evt_first_b'), eq(schema.inboxEvents.workspaceId, wsB.id)),
      );
    const again = await postEvent('/webhooks/stripe/ws-b', event('evt_first_b', 'both'), WS_B_SECRET);
    expect(await again.json()).toEqual({ received: true });
    const rows = await rowsOf('evt_first_b');
    expect(rows.find((r) => r.workspaceId === wsB.id)).toMatchObject({ status: 'pending', round: 1 });
    expect(rows.find((r) => r.workspaceId === stack.api.workspaceId)).toMatchObject({ round: 0 });
  });
});
