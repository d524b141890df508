import { runResyncJob } from '@licensync/core/queues';
import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;
let workspaceId: string;

beforeAll(async () => {
  stack = await startApi({ RESYNC_CRON: '0 3 * * *' });
  workspaceId = stack.api.workspaceId;
});
afterAll(() => stack.close());

const patterns = async () =>
  Object.fromEntries((await stack.api.queues.resyncs.getJobSchedulers()).map((s) => [s.key, s.pattern]));

describe('GET/PATCH /api/v1/settings', () => {
  it('answers every setting in effect, defaults included; no connection means no toggles', async () => {
    const res = await stack.call('GET', '/settings');
    expect(res.body).toEqual({
      partial_refund_action: 'disable',
      disable_on_dispute: false,
      pause_collection_action: 'keep_working',
      resync_cron: '0 3 * * *',
      hubspot_default_object: 'contact',
      deliver_licenses: true,
      sync_toggles: null,
    });
  });

  it('changes settings, records them in the history with the actor, and answers what changed', async () => {
    const res = await stack.call(
      'PATCH',
      '/settings',
      { disable_on_dispute: true, pause_collection_action: 'disable', partial_refund_action: 'disable' },
      { 'x-licensync-client': 'cli' },
    );
    expect(res.status).toBe(200);
    expect(res.body.changed).toEqual(['disable_on_dispute', 'pause_collection_action']);
    expect(res.body.settings).toMatchObject({ disable_on_dispute: true, pause_collection_action: 'disable' });
    const [ws] = await stack.api.db
      .select()
      .from(schema.workspaces)
      .where(eq(schema.workspaces.id, workspaceId));
    expect(ws!.settings).toMatchObject({ disableOnDispute: true, pauseCollectionAction: 'disable' });
    const [entry] = await stack.api.db
      .select()
      .from(schema.activityLog)
      .where(eq(schema.activityLog.kind, 'settings.updated'));
    expect(entry!.detail).toMatchObject({
      actor: 'admin-token',
      client: 'cli',
      before: { disableOnDispute: false, pauseCollectionAction: 'keep_working' },
      after: { disableOnDispute: true, pauseCollectionAction: 'disable' },
    });
  });

  it('a new resync_cron replaces the workspace’s schedulers at once, without a restart', async () => {
    const res = await stack.call('PATCH', '/settings', { resync_cron: '*/20 * * * *' });
    expect(res.body.changed).toEqual(['resync_cron']);
    expect(await patterns()).toEqual({
      [runResyncJob.schedulerId(workspaceId, 'stripe-reconcile')]: '*/20 * * * *',
      [runResyncJob.schedulerId(workspaceId, 'hubspot-resync')]: '*/20 * * * *',
    });
  });

  it.each([
    ['a cron BullMQ cannot schedule', { resync_cron: '61 * * * *' }, 422, 'resync_cron'],
    ['an unknown value', { partial_refund_action: 'refund' }, 400, 'partial_refund_action'],
    [
      'a default HubSpot object that is not contact or company',
      { hubspot_default_object: 'deal' },
      400,
      'hubspot_default_object',
    ],
    ['an unknown setting', { colour: 'red' }, 400, 'colour'],
    ['sync toggles without a HubSpot connection', { sync_toggles: { invoices: false } }, 422, 'sync_toggles'],
  ])('refuses %s, changing nothing', async (_name, body, status, field) => {
    const before = await stack.call('GET', '/settings');
    const res = await stack.call('PATCH', '/settings', body);
    expect(res.status).toBe(status);
    expect(Object.keys(res.body.fields)).toEqual([field]);
    expect((await stack.call('GET', '/settings')).body).toEqual(before.body);
  });

  it('turns the connection’s sync toggles off and on', async () => {
    await stack.api.db
      .insert(schema.hubspotConnections)
      .values({ workspaceId, portalId: '42', authKind: 'static', accessToken: 'pat' });
    const res = await stack.call('PATCH', '/settings', { sync_toggles: { invoices: false } });
    expect(res.body.settings.sync_toggles).toEqual({
      licenses: true,
      customers: true,
      subscriptions: true,
      invoices: false,
    });
    const [connection] = await stack.api.db.select().from(schema.hubspotConnections);
    expect(connection!.syncToggles).toEqual({ invoices: false });
  });
});

it('with Redis not taking the schedule, the cron is saved and the answer says it is not applied yet', async () => {
  // What BullMQ throws when its Redis connection is gone.
  vi.spyOn(stack.api.queues.resyncs, 'upsertJobScheduler').mockRejectedValueOnce(
    new Error('Connection is closed.'),
  );
  const res = await stack.call('PATCH', '/settings', { resync_cron: '5 5 * * *' });
  expect(res.status).toBe(503);
  expect(res.body).toMatchObject({ changed: ['resync_cron'], settings: { resync_cron: '5 5 * * *' } });
  expect(res.body.error).toContain('saved');
  const [ws] = await stack.api.db
    .select()
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, workspaceId));
  expect(ws!.settings.resyncCron).toBe('5 5 * * *');
});
