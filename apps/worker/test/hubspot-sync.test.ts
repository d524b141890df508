import { replayFailures } from '@licensync/core/failures';
import { setLicenseEnabled } from '@licensync/core/licenses';
import { enqueueSyncIntent } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { eventually } from '@licensync/test-env';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intentCounts, seedLicenses } from './hubspot-fixtures';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;
let productId: string;
let customerIds: string[];
let licenseType: string;

beforeAll(async () => {
  stack = await startHubspotStack();
  ({ productId, customerIds } = await stack.seed({ customers: 25, companyEvery: 5 }));
  licenseType = (await stack.objectTypeIds()).licenses!;
  // Customers land first: a customer synced later would queue its licenses again (they embed its email).
  await drained('customer', 25);
});
afterAll(() => stack.close());

const upsertCalls = () =>
  stack.fake.requests().filter((r) => r.path === `/crm/v3/objects/${licenseType}/batch/upsert`).length;
const associationCalls = () => stack.fake.calls(/batch\/associate\/default/);
const recordOf = (licenseId: string) =>
  stack.fake.records(licenseType).find((r) => r.properties.licensync_license_id === licenseId);
const drained = (kind: string, done: number) =>
  eventually(async () => {
    const counts = await intentCounts(stack.runtime.db, kind);
    return counts.done === done && !counts.pending && !counts.processing ? counts : undefined;
  }, 30_000);

describe('outbox → HubSpot', () => {
  it('brings 250 license changes to HubSpot in 3 upsert calls, associated with their customers', async () => {
    const ids = await seedLicenses(stack.runtime.db, stack.workspaceId, { productId, customerIds, n: 250 });
    await drained('license', 250);

    expect(upsertCalls()).toBe(3);
    const text = await stack.runtime.metrics.registry.metrics();
    expect(text).toMatch(
      /^licensync_hubspot_calls_total\{endpoint="POST \/crm\/v3\/objects\/\{objectType\}\/batch\/upsert",status="200"\} \d+$/m,
    );
    expect(text).toMatch(/^licensync_hubspot_daily_requests_remaining\{portal="[^"]+"\} \d+$/m);
    expect(stack.fake.records(licenseType)).toHaveLength(250);
    expect(stack.fake.records('0-1')).toHaveLength(25);
    expect(stack.fake.records('0-2')).toHaveLength(5);
    const edges = stack.fake.associations().filter((e) => e.fromObjectTypeId === licenseType);
    expect(edges.filter((e) => e.toObjectTypeId === '0-1')).toHaveLength(250);
    expect(edges.filter((e) => e.toObjectTypeId === '0-2')).toHaveLength(50);

    // Spot-check one: its contact is its customer's, found by email.
    const [license] = await stack.runtime.db
      .select()
      .from(schema.licenses)
      .where(eq(schema.licenses.id, ids[7]!));
    const [customer] = await stack.runtime.db
      .select()
      .from(schema.customers)
      .where(eq(schema.customers.id, license!.customerId));
    const record = recordOf(ids[7]!)!;
    const contactId = edges.find((e) => e.fromId === record.id && e.toObjectTypeId === '0-1')!.toId;
    expect(stack.fake.records('0-1').find((c) => c.id === contactId)?.properties.email).toBe(customer!.email);
    expect(record.properties).toMatchObject({
      status: 'active',
      license_key: license!.licenseKey,
      product: 'cad-pro',
    });
  });

  it('updates the existing records when a license is disabled or extended: no duplicates, no new associations', async () => {
    const [a, b] = await stack.runtime.db.select().from(schema.licenses).limit(2);
    const associationsBefore = associationCalls();
    await setLicenseEnabled({
      db: stack.runtime.db,
      workspaceId: stack.workspaceId,
      licenseId: a!.id,
      enabled: false,
      reason: 'refunded',
    });
    await stack.runtime.db.transaction(async (tx) => {
      await tx
        .update(schema.licenses)
        .set({ validUntil: new Date('2030-01-01T00:00:00Z') })
        .where(eq(schema.licenses.id, b!.id));
      await enqueueSyncIntent(tx, stack.workspaceId, 'license', [b!.id]);
    });
    await drained('license', 252);

    expect(stack.fake.records(licenseType)).toHaveLength(250);
    expect(recordOf(a!.id)?.properties).toMatchObject({ status: 'disabled', disabled_reason: 'refunded' });
    expect(recordOf(b!.id)?.properties.valid_until).toBe('2030-01-01');
    expect(associationCalls()).toBe(associationsBefore);
  });

  it('fails a record HubSpot refuses on its own, with HubSpot’s message, and lands the rest; a replay lands it', async () => {
    const ids = await seedLicenses(stack.runtime.db, stack.workspaceId, {
      productId,
      customerIds,
      n: 3,
      tag: 'mixed',
    });
    await stack.runtime.db
      .update(schema.licenses)
      .set({ licenseType: 'lifetime' as never })
      .where(eq(schema.licenses.id, ids[1]!));
    const failed = await eventually(async () => {
      const rows = await stack.runtime.db
        .select()
        .from(schema.syncOutbox)
        .where(inArray(schema.syncOutbox.objectId, ids));
      return rows.every((r) => r.status === 'done' || r.status === 'failed') ? rows : undefined;
    });
    expect(failed.find((r) => r.objectId === ids[1])).toMatchObject({ status: 'failed' });
    expect(failed.find((r) => r.objectId === ids[1])?.lastError).toContain(
      'lifetime was not one of the allowed options',
    );
    expect(
      failed
        .filter((r) => r.status === 'done')
        .map((r) => r.objectId)
        .sort(),
    ).toEqual([ids[0], ids[2]].sort());
    expect(recordOf(ids[0]!)).toBeDefined();
    expect(recordOf(ids[1]!)).toBeUndefined();
    const [failure] = await stack.runtime.db
      .select()
      .from(schema.jobFailures)
      .where(eq(schema.jobFailures.queue, 'hubspot-sync'));
    expect(failure).toMatchObject({ jobName: 'sync-license', workspaceId: stack.workspaceId });
    expect(failure!.lastError).toContain('lifetime was not one of the allowed options');

    // The operator fixes the cause and replays the failure (what POST /api/v1/failures/replay runs).
    await stack.runtime.db
      .update(schema.licenses)
      .set({ licenseType: 'perpetual' })
      .where(eq(schema.licenses.id, ids[1]!));
    const replayed = await replayFailures({
      db: stack.runtime.db,
      inboxQueue: stack.runtime.queues.inbox,
      workspaceId: stack.workspaceId,
      selection: { ids: [failure!.id] },
      dryRun: false,
      actor: 'test',
      jobOptions: { attempts: 1, backoffMs: 10 },
    });
    expect(replayed).toMatchObject({ matched: 1, requeued: 1 });
    await eventually(async () => recordOf(ids[1]!));
    expect(recordOf(ids[1]!)?.properties.license_type).toBe('perpetual');
  });

  it('rides out a 429 storm: slower, nothing lost, nothing failed, no attempt used', async () => {
    stack.fake.rateLimit({ intervalMs: 300 });
    stack.fake.force429(12);
    const before = stack.fake.records(licenseType).length;
    const failedBefore = (await intentCounts(stack.runtime.db, 'license')).failed ?? 0;
    const ids = await seedLicenses(stack.runtime.db, stack.workspaceId, {
      productId,
      customerIds,
      n: 120,
      tag: 'storm',
    });
    await eventually(async () => {
      const counts = await intentCounts(stack.runtime.db, 'license');
      return !counts.pending && !counts.processing ? counts : undefined;
    }, 30_000);
    stack.fake.rateLimit({ intervalMs: 10_000 });

    expect(stack.fake.records(licenseType)).toHaveLength(before + 120);
    expect((await intentCounts(stack.runtime.db, 'license')).failed ?? 0).toBe(failedBefore);
    expect(stack.fake.requests().filter((r) => r.status === 429)).toHaveLength(12);
    const pauses = await stack.runtime.metrics.hubspotRateLimitPauses.get();
    expect(pauses.values.reduce((n, v) => n + v.value, 0)).toBe(12);
    const intents = await stack.runtime.db
      .select()
      .from(schema.syncOutbox)
      .where(inArray(schema.syncOutbox.objectId, ids));
    expect(intents.map((r) => `${r.status}/${r.attempts}`)).toEqual(ids.map(() => 'done/1'));
  });
});
