import { QUEUES } from '@licensync/core/queues';
import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;
beforeAll(async () => {
  stack = await startApi();
});
afterAll(() => stack.close());

it('replaying a hubspot-sync failure reopens the intent it names as bulk work, one pending per record', async () => {
  const { db, workspaceId } = stack.api;
  const intents = await db
    .insert(schema.syncOutbox)
    .values([
      { workspaceId, objectKind: 'license', objectId: 'lic-a', status: 'failed', lastError: 'HubSpot 400' },
      { workspaceId, objectKind: 'license', objectId: 'lic-b', status: 'failed', lastError: 'HubSpot 400' },
      // lic-c changed again since: its pending intent carries the change, the failed one stays.
      { workspaceId, objectKind: 'license', objectId: 'lic-c', status: 'failed', lastError: 'HubSpot 400' },
      { workspaceId, objectKind: 'license', objectId: 'lic-c', status: 'pending' },
    ])
    .returning();
  // One failure per refused record, as apps/worker/src/hubspot/fail-sync-intent.ts records it.
  const failures = await db
    .insert(schema.jobFailures)
    .values(
      [0, 1, 2].map((i) => ({
        workspaceId,
        queue: QUEUES.hubspotSync,
        jobName: 'sync-license',
        jobId: `outbox-${intents[i]!.id}`,
        attempts: 1,
        firstError: 'HubSpot 400',
        lastError: 'HubSpot 400',
        payload: {
          workspaceId,
          kind: 'license',
          intentIds: [intents[i]!.id],
          objectId: intents[i]!.objectId,
          portalId: '1',
        },
      })),
    )
    .returning();
  const [forA, forB, forC] = failures;

  const listed = await stack.call('GET', '/failures?queue=hubspot-sync');
  expect(listed.body.data.map((f: { id: number }) => f.id).sort()).toEqual(failures.map((f) => f.id).sort());
  const res = await stack.call('POST', '/failures/replay', { ids: [forA!.id, forC!.id] });
  expect(res.body).toMatchObject({ matched: 2, requeued: 1, skipped: 1 });

  const rowOf = async (id: number) =>
    (await db.select().from(schema.syncOutbox).where(eq(schema.syncOutbox.id, id)))[0]!;
  const rows = await Promise.all(intents.map((i) => rowOf(i.id)));
  // lic-b has a failure of its own that was not replayed: it stays failed.
  expect(rows.map((r) => `${r.objectId} ${r.status}`)).toEqual([
    'lic-a pending',
    'lic-b failed',
    'lic-c failed',
    'lic-c pending',
  ]);
  // Bulk: a live change written after the replay is synced first.
  expect(rows[0]!.priority).toBe(1);
  const statusOf = async (id: number) =>
    (await db.select().from(schema.jobFailures).where(eq(schema.jobFailures.id, id)))[0]!.status;
  expect([await statusOf(forA!.id), await statusOf(forB!.id), await statusOf(forC!.id)]).toEqual([
    'replayed',
    'failed',
    'failed',
  ]);
  const history = await stack.call('GET', '/history?license_id=00000000-0000-4000-8000-000000000000');
  expect(history.body.data).toEqual([]);
  const entries = await db
    .select()
    .from(schema.activityLog)
    .where(eq(schema.activityLog.kind, 'failure.replayed'));
  expect(entries.map((e) => [e.outcome, e.subjects.sort()]).sort()).toEqual([
    ['ok', [`failure:${forA!.id}`, 'license:lic-a']],
    ['skipped', [`failure:${forC!.id}`]],
  ]);
});

it('status counts what waits in Redis and Postgres', async () => {
  const res = await stack.call('GET', '/status');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ inbox_pending: 0, failures_open: 2, outbox_pending: 2 });
  expect(Object.keys(res.body.queues).sort()).toEqual(Object.values(QUEUES).sort());
  expect(res.body.queues[QUEUES.inbox]).toMatchObject({ waiting: 0, active: 0, failed: 0 });
});
