import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededWorkspace, seedWorkspace } from './support/seed-workspace';
import { type ApiStack, startApi } from './support/start-api';

const WS_B_SECRET = 'whsec_workspace_b_secret';
let stack: ApiStack;
let wsB: { id: string; slug: string };

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

    it(`from ${from}: storing a Stripe secret leaves ${to}'s Stripe connection as it was`, async () => {
      const otherId = to === 'ws-b' ? wsB.id : stack.api.workspaceId;
      const theirs = () =>
        stack.api.db
          .select()
          .from(schema.stripeConnections)
          .where(eq(schema.stripeConnections.workspaceId, otherId));
      const before = await theirs();
      const h = { 'licensync-workspace': from };
      const res = await stack.call(
        'POST',
        '/connections/stripe',
        { webhook_secret: `whsec_from_${from}` },
        h,
      );
      expect(res.status).toBe(200);
      expect(before.map((c) => c.id)).not.toContain(res.body.id);
      expect(await theirs()).toEqual(before);
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
