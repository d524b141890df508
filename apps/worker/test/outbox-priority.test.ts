import { createDb, type DbHandle } from '@licensync/core/db';
import { replayFailures } from '@licensync/core/failures';
import { setLicenseEnabled } from '@licensync/core/licenses';
import { claimSyncIntents, enqueueSyncIntent } from '@licensync/core/outbox';
import { closeQueues, createQueues, createRedis } from '@licensync/core/queues';
import * as schema from '@licensync/core/schema';
import { ensureDefaultWorkspace } from '@licensync/core/workspaces';
import { createTestEnv, type TestEnv } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { seedCustomers, seedLicenses, seedProduct } from './hubspot-fixtures';

let env: TestEnv;
let handle: DbHandle;
let workspaceId: string;
let licenseIds: string[];

beforeAll(async () => {
  env = await createTestEnv();
  handle = createDb(env.config.DATABASE_URL);
  workspaceId = (await ensureDefaultWorkspace(handle.db)).id;
  const productId = await seedProduct(handle.db, workspaceId);
  const customerIds = await seedCustomers(handle.db, workspaceId, 10);
  licenseIds = await seedLicenses(handle.db, workspaceId, { productId, customerIds, n: 301 });
});
afterAll(async () => {
  await handle.close();
  await env.cleanup();
});
beforeEach(async () => {
  await handle.db.delete(schema.syncOutbox);
});

const claimFirstBatch = () =>
  claimSyncIntents(handle.db, { workspaceId, kind: 'license', limit: 100, leaseMs: 60_000 });
const pendingRows = () =>
  handle.db.select().from(schema.syncOutbox).where(eq(schema.syncOutbox.status, 'pending'));

it('a live license change is claimed in the first batch, ahead of 300 bulk intents written before it', async () => {
  const [live, ...bulk] = licenseIds;
  await enqueueSyncIntent(handle.db, workspaceId, 'license', bulk, { priority: 'bulk' });
  await setLicenseEnabled({
    db: handle.db,
    workspaceId,
    licenseId: live!,
    enabled: false,
    reason: 'refunded',
  });

  const batch = await claimFirstBatch();
  expect(batch).toHaveLength(100);
  expect(batch.map((i) => i.objectId)).toContain(live);
});

it('a live change to a record waiting in the bulk backlog raises its one pending intent to live', async () => {
  await enqueueSyncIntent(handle.db, workspaceId, 'license', licenseIds, { priority: 'bulk' });
  const late = licenseIds[250]!;
  await setLicenseEnabled({ db: handle.db, workspaceId, licenseId: late, enabled: false });

  const intents = (await pendingRows()).filter((r) => r.objectId === late);
  expect(intents.map((r) => r.priority)).toEqual([0]);
  expect((await claimFirstBatch()).map((i) => i.objectId)).toContain(late);
});

it('bulk work and replays never lower a live intent; a resync adopts it as one of its own', async () => {
  const [run] = await handle.db
    .insert(schema.resyncRuns)
    .values({ workspaceId, kind: 'hubspot-resync', scope: 'workspace', status: 'running' })
    .returning();
  await enqueueSyncIntent(handle.db, workspaceId, 'license', licenseIds.slice(0, 2));
  await enqueueSyncIntent(handle.db, workspaceId, 'license', licenseIds.slice(0, 3), {
    priority: 'bulk',
    resyncRunId: run!.id,
  });
  // Intents are written in sorted id order (so writers never lock crosswise): compare by license.
  const rows = (await pendingRows()).sort(
    (a, b) => licenseIds.indexOf(a.objectId) - licenseIds.indexOf(b.objectId),
  );
  expect(rows.map((r) => [r.objectId, r.priority, r.resyncRunId])).toEqual([
    [licenseIds[0], 0, run!.id],
    [licenseIds[1], 0, run!.id],
    [licenseIds[2], 1, run!.id],
  ]);
  // A later live change keeps the run's tag: the run still waits for the record.
  await enqueueSyncIntent(handle.db, workspaceId, 'license', [licenseIds[2]!, licenseIds[2]!]);
  expect((await pendingRows()).find((r) => r.objectId === licenseIds[2])).toMatchObject({
    priority: 0,
    resyncRunId: run!.id,
  });
});

it('a replayed sync failure is bulk work: a live change written after it goes first', async () => {
  const failedIds = licenseIds.slice(1, 201);
  const failed = await handle.db
    .insert(schema.syncOutbox)
    .values(
      failedIds.map((objectId) => ({
        workspaceId,
        objectKind: 'license' as const,
        objectId,
        status: 'failed' as const,
      })),
    )
    .returning({ id: schema.syncOutbox.id });
  const [failure] = await handle.db
    .insert(schema.jobFailures)
    .values({
      workspaceId,
      queue: 'hubspot-sync',
      jobName: 'sync-license',
      jobId: 'outbox-bulk',
      attempts: 1,
      firstError: 'HubSpot 400',
      lastError: 'HubSpot 400',
      payload: { workspaceId, kind: 'license', intentIds: failed.map((r) => r.id) },
    })
    .returning();
  const redis = createRedis(env.config.REDIS_URL, 'producer');
  const queues = createQueues(redis, env.config.QUEUE_PREFIX);
  try {
    const result = await replayFailures({
      db: handle.db,
      inboxQueue: queues.inbox,
      workspaceId,
      selection: { ids: [failure!.id] },
      dryRun: false,
      actor: 'test',
      jobOptions: { attempts: 1, backoffMs: 10 },
    });
    expect(result).toMatchObject({ requeued: 1 });
  } finally {
    await closeQueues(queues);
    await redis.quit();
  }
  expect(new Set((await pendingRows()).map((r) => r.priority))).toEqual(new Set([1]));
  await setLicenseEnabled({ db: handle.db, workspaceId, licenseId: licenseIds[0]!, enabled: false });
  expect((await claimFirstBatch()).map((i) => i.objectId)).toContain(licenseIds[0]);
});
