import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededWorkspace, seedWorkspace } from './support/seed-workspace';
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

describe('workspaces', () => {
  it('lists the default workspace and the new one, each with its own webhook URL', async () => {
    const { body } = await stack.call('GET', '/workspaces');
    expect(body.data.map((w: { slug: string }) => w.slug)).toEqual(['default', 'ws-b']);
    expect(body.data[1].webhook_url).toMatch(/\/webhooks\/stripe\/ws-b$/);
  });

  it('refuses a taken slug (409), a bad slug (400) and an unknown workspace header (404)', async () => {
    expect((await stack.call('POST', '/workspaces', { slug: 'ws-b', name: 'again' })).status).toBe(409);
    expect((await stack.call('POST', '/workspaces', { slug: 'WS B', name: 'x' })).status).toBe(400);
    const unknown = await stack.call('GET', '/products', undefined, { 'licensync-workspace': 'nope' });
    expect(unknown).toEqual({ status: 404, body: { error: 'unknown workspace nope' } });
  });
});

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

describe('admin isolation: nothing of one workspace is readable or writable from another', () => {
  let seeded: Record<'default' | 'ws-b', SeededWorkspace>;
  beforeAll(async () => {
    seeded = {
      default: await seedWorkspace(stack.api.db, stack.api.workspaceId, 'def'),
      'ws-b': await seedWorkspace(stack.api.db, wsB.id, 'wsb'),
    };
  });

  // Each route, called from `from` on the other workspace's objects.
  const cases = (other: SeededWorkspace) =>
    [
      ['GET', `/licenses/${other.licenseId}`, undefined, 404],
      ['POST', `/licenses/${other.licenseId}/disable`, {}, 404],
      ['POST', `/licenses/${other.licenseId}/enable`, undefined, 404],
      ['POST', `/licenses/${other.licenseId}/reissue_key`, undefined, 404],
      ['GET', `/failures/${other.failureId}`, undefined, 404],
      ['POST', '/failures/replay', { ids: [other.failureId] }, 'no-effect'],
      ['POST', '/failures/discard', { ids: [other.failureId], reason: 'x' }, 'no-effect'],
      ['GET', `/resyncs/${other.resyncId}`, undefined, 404],
    ] as const;

  for (const [from, to] of [
    ['default', 'ws-b'],
    ['ws-b', 'default'],
  ] as const) {
    it(`from ${from}: lists hold only ${from}'s rows`, async () => {
      const h = { 'licensync-workspace': from };
      const mine = seeded[from];
      const other = seeded[to];
      const licenses = await stack.call('GET', '/licenses', undefined, h);
      expect(licenses.body.data.map((l: { id: string }) => l.id)).toEqual([mine.licenseId]);
      const byEmail = await stack.call('GET', `/licenses?customer_email=${other.email}`, undefined, h);
      expect(byEmail.body.data).toEqual([]);
      const failures = await stack.call('GET', '/failures', undefined, h);
      expect(failures.body.data.map((f: { id: number }) => f.id)).toEqual([mine.failureId]);
      const resyncs = await stack.call('GET', '/resyncs', undefined, h);
      expect(resyncs.body.data.map((r: { id: string }) => r.id)).toEqual([mine.resyncId]);
      const problems = await stack.call('GET', '/prices/problems', undefined, h);
      expect(JSON.stringify(problems.body)).not.toContain(to === 'ws-b' ? 'price_wsb' : 'price_def');
      const history = await stack.call('GET', `/history?customer_email=${other.email}`, undefined, h);
      expect(history.body.data).toEqual([]);
      const byLicense = await stack.call('GET', `/history?license_id=${other.licenseId}`, undefined, h);
      expect(byLicense.body.data).toEqual([]);
      const own = await stack.call('GET', `/history?customer_email=${mine.email}`, undefined, h);
      expect(own.body.data.length).toBeGreaterThan(0);
      const status = await stack.call('GET', '/status', undefined, h);
      expect(status.body.failures_open).toBe(1);
      const connections = await stack.call('GET', '/connections', undefined, h);
      expect(connections.body.data).toHaveLength(from === 'ws-b' ? 1 : 0);
    });

    it(`from ${from}: ${to}'s objects are not found and stay unchanged`, async () => {
      const h = { 'licensync-workspace': from };
      const other = seeded[to];
      for (const [method, path, body, expected] of cases(other)) {
        const res = await stack.call(method, path, body, h);
        // Bulk actions answer what they did; the rows below prove they did nothing to the other workspace.
        if (expected === 'no-effect') expect([200, 404], path).toContain(res.status);
        else expect(res.status, `${method} ${path}`).toBe(expected);
      }
      const [license] = await stack.api.db
        .select()
        .from(schema.licenses)
        .where(eq(schema.licenses.id, other.licenseId));
      expect(license).toMatchObject({ enabled: true, licenseKey: `KEY-${to === 'ws-b' ? 'wsb' : 'def'}` });
      const [failure] = await stack.api.db
        .select()
        .from(schema.jobFailures)
        .where(eq(schema.jobFailures.id, other.failureId));
      expect(failure?.status).toBe('failed');
    });

    it(`from ${from}: ${to}'s HubSpot connection cannot be disconnected or reconnected`, async () => {
      const otherId = to === 'ws-b' ? wsB.id : stack.api.workspaceId;
      const [row] = await stack.api.db
        .insert(schema.hubspotConnections)
        .values({
          workspaceId: otherId,
          portalId: `portal-${to}`,
          authKind: 'static',
          accessToken: 'enc:v1:x',
        })
        .returning();
      const h = { 'licensync-workspace': from };
      expect((await stack.call('POST', `/connections/${row!.id}/disconnect`, undefined, h)).status).toBe(404);
      expect((await stack.call('POST', `/connections/${row!.id}/reconnect`, undefined, h)).status).toBe(404);
      const listed = await stack.call('GET', '/connections', undefined, h);
      expect(JSON.stringify(listed.body)).not.toContain(`portal-${to}`);
      const [after] = await stack.api.db
        .select()
        .from(schema.hubspotConnections)
        .where(eq(schema.hubspotConnections.id, row!.id));
      expect(after!.status).toBe('active');
      await stack.api.db.delete(schema.hubspotConnections).where(eq(schema.hubspotConnections.id, row!.id));
    });

    it(`from ${from}: catalog writes land in ${from} only`, async () => {
      const h = { 'licensync-workspace': from };
      const code = from === 'default' ? 'isodef' : 'isowsb';
      expect(
        (
          await stack.call(
            'POST',
            '/products',
            { short_code: code, name: code, authorization_method: 'license-key' },
            h,
          )
        ).status,
      ).toBe(201);
      const otherH = { 'licensync-workspace': to };
      expect((await stack.call('GET', `/products/${code}`, undefined, otherH)).status).toBe(404);
      expect((await stack.call('PATCH', `/products/${code}`, { name: 'hijack' }, otherH)).status).toBe(404);
      const parts = {
        features: { code: 'x', name: 'x' },
        custom_fields: { name: 'x', default_value: 'y' },
        policies: { code: 'x', name: 'x', license_type: 'perpetual' },
      };
      for (const [part, body] of Object.entries(parts)) {
        const res = await stack.call('POST', `/products/${code}/${part}`, body, otherH);
        expect(res.status, part).toBe(404);
      }
      const list = await stack.call('GET', '/products', undefined, otherH);
      expect(list.body.data.map((p: { short_code: string }) => p.short_code)).not.toContain(code);
    });
  }
});
