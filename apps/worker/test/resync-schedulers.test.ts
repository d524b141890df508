import { type ApiRuntime, createApiRuntime } from '@licensync/api';
import { runResyncJob } from '@licensync/core/queues';
import * as schema from '@licensync/core/schema';
import { createTestEnv, eventually, type TestEnv } from '@licensync/test-env';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkerRuntime, type WorkerRuntime } from '../src/create-worker-runtime';

let env: TestEnv;
let api: ApiRuntime;
let worker: WorkerRuntime;
let other: string;

beforeAll(async () => {
  env = await createTestEnv({ RESYNC_CRON: '*/30 * * * *' });
  api = await createApiRuntime(env.config, env.logger);
  // A second workspace with its own schedule, present before the worker starts.
  const [ws] = await api.db
    .insert(schema.workspaces)
    .values({ slug: 'other', name: 'Other', settings: { resyncCron: '15 2 * * 1' } })
    .returning();
  other = ws!.id;
  worker = await createWorkerRuntime(env.config, env.logger);
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
  await env?.cleanup();
});

it('registers one scheduler per workspace and kind, with the configured or the workspace’s cron', async () => {
  // Registered in the background on start, so live events are not held up by it.
  const schedulers = await eventually(async () => {
    const found = await api.queues.resyncs.getJobSchedulers();
    return found.length === 4 ? found : undefined;
  });
  const patterns = Object.fromEntries(schedulers.map((s) => [s.key, s.pattern]));
  expect(patterns).toEqual({
    [runResyncJob.schedulerId(api.workspaceId, 'stripe-reconcile')]: '*/30 * * * *',
    [runResyncJob.schedulerId(api.workspaceId, 'hubspot-resync')]: '*/30 * * * *',
    [runResyncJob.schedulerId(other, 'stripe-reconcile')]: '15 2 * * 1',
    [runResyncJob.schedulerId(other, 'hubspot-resync')]: '15 2 * * 1',
  });
  expect(schedulers.every((s) => s.name === runResyncJob.name && s.next! > Date.now())).toBe(true);
  // Upserting again on the next start keeps one scheduler each.
  const again = await createWorkerRuntime(env.config, env.logger);
  await again.close();
  expect(await api.queues.resyncs.getJobSchedulersCount()).toBe(4);
});

it('a scheduler tick requests a workspace run, and is skipped while one is active', async () => {
  const tick = { trigger: 'schedule', workspaceId: other, kind: 'hubspot-resync' } as const;
  // Without a HubSpot connection there is nothing to resync there: the tick does nothing.
  const idle = await api.queues.resyncs.add(runResyncJob.name, tick);
  await eventually(async () => (await idle.getState()) === 'completed');
  expect((await api.queues.resyncs.getJob(idle.id!))!.returnvalue).toBe(
    'skipped: no active HubSpot connection',
  );
  await api.db.insert(schema.hubspotConnections).values({
    workspaceId: other,
    portalId: '999',
    authKind: 'static',
    accessToken: 'unused-here',
  });
  const runsOf = () =>
    api.db
      .select()
      .from(schema.resyncRuns)
      .where(and(eq(schema.resyncRuns.workspaceId, other), eq(schema.resyncRuns.kind, 'hubspot-resync')));
  const first = await api.queues.resyncs.add(runResyncJob.name, tick);
  const run = await eventually(async () => {
    const [r] = await runsOf();
    return r?.status === 'succeeded' ? r : undefined;
  });
  expect(run).toMatchObject({ scope: 'workspace', requestedBy: 'scheduler', total: 0, done: 0 });
  await eventually(async () => (await first.getState()) === 'completed');
  expect((await api.queues.resyncs.getJob(first.id!))!.returnvalue).toBe(`requested ${run.id}`);

  // An active run of the same kind and scope: the tick does not add a second one.
  await api.db
    .insert(schema.resyncRuns)
    .values({ workspaceId: other, kind: 'hubspot-resync', scope: 'workspace', status: 'running' });
  const skipped = await api.queues.resyncs.add(runResyncJob.name, tick);
  await eventually(async () => (await skipped.getState()) === 'completed');
  const after = await api.queues.resyncs.getJob(skipped.id!);
  expect(after!.returnvalue).toMatch(/^skipped/);
  expect(await runsOf()).toHaveLength(2);
});
