import type { ApiRuntime } from '@licensync/api';
import * as schema from '@licensync/core/schema';
import { getHubspotConnection } from '@licensync/hubspot';
import { adminCall, eventually, seedExampleCatalog } from '@licensync/test-env';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;
let api: ApiRuntime;
let alice: string;
let bob: string;

beforeAll(async () => {
  // Pages of 2 so every kind spans several pages.
  stack = await startHubspotStack({
    api: true,
    env: { RESYNC_PAGE_SIZE: '2', RESYNC_SETTLE_CHECK_MS: '100' },
  });
  api = stack.api!;
  const { db, workspaceId } = api;
  await seedExampleCatalog(db, workspaceId);
  const [product] = await db.select().from(schema.products).where(eq(schema.products.shortCode, 'pro'));
  const [a, b] = await db
    .insert(schema.customers)
    .values([
      { workspaceId, email: 'alice@example.com', stripeCustomerId: 'cus_a' },
      { workspaceId, email: 'bob@example.com', stripeCustomerId: 'cus_b' },
    ])
    .returning();
  alice = a!.id;
  bob = b!.id;
  // alice: 5 licenses, 2 subscriptions, 3 invoices; bob: 2 licenses, 1 subscription, 1 invoice.
  const owners = [...Array(5).fill(alice), ...Array(2).fill(bob)] as string[];
  await db.insert(schema.licenses).values(
    owners.map((customerId, i) => ({
      workspaceId,
      sourceKey: `seed:${i}`,
      customerId,
      productId: product!.id,
      licenseType: 'perpetual' as const,
    })),
  );
  await db.insert(schema.billingSubscriptions).values(
    [alice, alice, bob].map((customerId, i) => ({
      workspaceId,
      customerId,
      stripeSubscriptionId: `sub_${i}`,
      status: 'active',
    })),
  );
  await db.insert(schema.billingInvoices).values(
    [alice, alice, alice, bob].map((customerId, i) => ({
      workspaceId,
      customerId,
      stripeInvoiceId: `in_${i}`,
      status: 'paid',
    })),
  );
});
afterAll(() => stack?.close());
beforeEach(async () => {
  await api.db.delete(schema.syncOutbox);
});

async function resync(scope: string) {
  const res = await adminCall(api.url, stack.env.config.ADMIN_TOKEN)('POST', '/resyncs', {
    kind: 'hubspot-resync',
    scope,
  });
  expect(res.status).toBe(202);
  const { id } = res.body as { id: string };
  return eventually(async () => {
    const [run] = await api.db.select().from(schema.resyncRuns).where(eq(schema.resyncRuns.id, id));
    return run && run.status !== 'queued' && run.status !== 'running' ? run : undefined;
  }, 20_000);
}

/** The intents the run wrote, each with its status. */
async function intents(runId: string) {
  return api.db
    .select({
      kind: schema.syncOutbox.objectKind,
      objectId: schema.syncOutbox.objectId,
      status: schema.syncOutbox.status,
    })
    .from(schema.syncOutbox)
    .where(eq(schema.syncOutbox.resyncRunId, runId));
}

const objectTypes = async () => (await getHubspotConnection(api.db, api.workspaceId))!.objectTypeIds;

const byKind = (rows: { kind: string }[]) =>
  Object.fromEntries(
    ['customer', 'subscription', 'invoice', 'license'].map((k) => [
      k,
      rows.filter((r) => r.kind === k).length,
    ]),
  );

describe('hubspot-resync', () => {
  it('brings every customer, subscription, invoice and license to HubSpot and ends once HubSpot took them all', async () => {
    const run = await resync('workspace');
    expect(run).toMatchObject({
      status: 'succeeded',
      total: 16,
      done: 16,
      failedSlices: [],
      report: { customers: 2, subscriptions: 3, invoices: 4, licenses: 7 },
    });
    const rows = await intents(run.id);
    expect(byKind(rows)).toEqual({ customer: 2, subscription: 3, invoice: 4, license: 7 });
    expect(rows.every((r) => r.status === 'done')).toBe(true);
    // One intent per record, none twice.
    expect(new Set(rows.map((r) => `${r.kind}:${r.objectId}`)).size).toBe(16);
    // Succeeded means in HubSpot: every record is there by the time the run says so.
    const types = await objectTypes();
    expect(stack.fake.records(types.licenses!)).toHaveLength(7);
    expect(stack.fake.records(types.subscriptions!)).toHaveLength(3);
    expect(stack.fake.records(types.invoices!)).toHaveLength(4);
    expect(
      stack.fake
        .records('0-1')
        .map((c) => c.properties.email)
        .sort(),
    ).toEqual(['alice@example.com', 'bob@example.com']);
  });

  it('a customer scope touches only that customer’s records', async () => {
    const run = await resync(`customer:${bob}`);
    expect(run).toMatchObject({ status: 'succeeded', total: 5, done: 5 });
    const rows = await intents(run.id);
    expect(byKind(rows)).toEqual({ customer: 1, subscription: 1, invoice: 1, license: 2 });
    const { db } = api;
    const bobs = new Set([
      bob,
      ...(await db.select().from(schema.licenses).where(eq(schema.licenses.customerId, bob))).map(
        (r) => r.id,
      ),
      ...(
        await db
          .select()
          .from(schema.billingSubscriptions)
          .where(eq(schema.billingSubscriptions.customerId, bob))
      ).map((r) => r.id),
      ...(
        await db.select().from(schema.billingInvoices).where(eq(schema.billingInvoices.customerId, bob))
      ).map((r) => r.id),
    ]);
    expect(rows.every((r) => bobs.has(r.objectId))).toBe(true);
    expect(rows.some((r) => r.objectId === alice)).toBe(false);
  });

  it('a HubSpot record scope writes the one record it mirrors', async () => {
    const [license] = await api.db
      .select()
      .from(schema.licenses)
      .where(and(eq(schema.licenses.customerId, alice), eq(schema.licenses.sourceKey, 'seed:3')));
    await api.db.insert(schema.externalLinks).values({
      workspaceId: api.workspaceId,
      entityKind: 'license',
      entityId: license!.id,
      provider: 'hubspot',
      externalType: '2-999',
      externalId: '4242',
    });
    const run = await resync('hubspot:2-999:4242');
    expect(run).toMatchObject({ status: 'succeeded', total: 1, done: 1 });
    expect(await intents(run.id)).toEqual([{ kind: 'license', objectId: license!.id, status: 'done' }]);
  });

  it('ends failed, naming each record HubSpot refused, once the rest are in HubSpot', async () => {
    const [refused] = await api.db
      .select()
      .from(schema.licenses)
      .where(and(eq(schema.licenses.customerId, alice), eq(schema.licenses.sourceKey, 'seed:1')));
    await api.db
      .update(schema.licenses)
      .set({ licenseType: 'lifetime' as never })
      .where(eq(schema.licenses.id, refused!.id));
    try {
      const run = await resync(`customer:${alice}`);
      expect(run).toMatchObject({ status: 'failed', total: 11, done: 11 });
      expect(run.failedSlices).toEqual([
        {
          slice: `record:license:${refused!.id}`,
          error: expect.stringContaining('lifetime was not one of the allowed options'),
        },
      ]);
      const rows = await intents(run.id);
      expect(rows.filter((r) => r.status === 'failed').map((r) => r.objectId)).toEqual([refused!.id]);
    } finally {
      await api.db
        .update(schema.licenses)
        .set({ licenseType: 'perpetual' })
        .where(eq(schema.licenses.id, refused!.id));
    }
  });

  it('fails at once, writing nothing, when the workspace has no active HubSpot connection', async () => {
    await api.db.update(schema.hubspotConnections).set({ enabled: false });
    try {
      const run = await resync(`customer:${bob}`);
      expect(run).toMatchObject({
        status: 'failed',
        failedSlices: [{ slice: 'run', error: 'no active HubSpot connection' }],
      });
      expect(await intents(run.id)).toEqual([]);
    } finally {
      await api.db.update(schema.hubspotConnections).set({ enabled: true });
    }
  });
});
