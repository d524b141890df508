import { QUEUES, schema } from '@licensync/core';
import { createTestEnv, type TestEnv } from '@licensync/testkit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiRuntime, createApiRuntime } from '../src/create-api-runtime';

let env: TestEnv;
let api: ApiRuntime;
beforeAll(async () => {
  env = await createTestEnv();
  api = await createApiRuntime(env.config, env.logger);
});
afterAll(async () => {
  await api.close();
  await env.cleanup();
});

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${api.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${env.config.ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: responses are checked by the assertions, not by types
  return { status: res.status, body: (await res.json()) as any };
}

it('replaying a hubspot-sync failure reopens its failed outbox intents, one pending per record', async () => {
  const { db, workspaceId } = api;
  const intents = await db
    .insert(schema.syncOutbox)
    .values([
      { workspaceId, objectKind: 'license', objectId: 'lic-a', status: 'failed', lastError: 'HubSpot 400' },
      { workspaceId, objectKind: 'license', objectId: 'lic-b', status: 'failed', lastError: 'HubSpot 400' },
      // lic-c changed again since: its pending intent carries the change, the failed one stays.
      { workspaceId, objectKind: 'license', objectId: 'lic-c', status: 'failed', lastError: 'HubSpot 400' },
      { workspaceId, objectKind: 'license', objectId: 'lic-c', status: 'pending' },
      { workspaceId, objectKind: 'customer', objectId: 'cust-a', status: 'failed', lastError: 'HubSpot 400' },
    ])
    .returning();
  const [failure] = await db
    .insert(schema.jobFailures)
    .values({
      workspaceId,
      queue: QUEUES.hubspotSync,
      jobName: 'sync-outbox',
      jobId: `hubspot-${workspaceId}-license`,
      attempts: 5,
      firstError: 'HubSpot 400',
      lastError: 'HubSpot 400',
      payload: { workspaceId, kind: 'license' },
    })
    .returning();

  const listed = await call('GET', '/failures?queue=hubspot-sync');
  expect(listed.body.data.map((f: { id: number }) => f.id)).toEqual([failure!.id]);
  const res = await call('POST', '/failures/replay', { filter: { queue: 'hubspot-sync' } });
  expect(res.body).toMatchObject({ matched: 1, requeued: 1, skipped: 0 });

  const statusOf = async (id: number) =>
    (await db.select().from(schema.syncOutbox).where(eq(schema.syncOutbox.id, id)))[0]!.status;
  expect(await Promise.all(intents.map((i) => statusOf(i.id)))).toEqual([
    'pending',
    'pending',
    'failed',
    'pending',
    'failed',
  ]);
  const [after] = await db.select().from(schema.jobFailures).where(eq(schema.jobFailures.id, failure!.id));
  expect(after!.status).toBe('replayed');
  const history = await call('GET', '/history?license_id=00000000-0000-4000-8000-000000000000');
  expect(history.body.data).toEqual([]);
  const [entry] = await db
    .select()
    .from(schema.activityLog)
    .where(eq(schema.activityLog.kind, 'failure.replayed'));
  expect(entry!.subjects.sort()).toEqual([`failure:${failure!.id}`, 'license:lic-a', 'license:lic-b']);
});

it('status counts what waits in Redis and Postgres', async () => {
  const res = await call('GET', '/status');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ inbox_pending: 0, failures_open: 0, outbox_pending: 3 });
  expect(Object.keys(res.body.queues).sort()).toEqual(Object.values(QUEUES).sort());
  expect(res.body.queues[QUEUES.inbox]).toMatchObject({ waiting: 0, active: 0, failed: 0 });
});
