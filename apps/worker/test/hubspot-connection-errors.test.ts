import {
  enqueueSyncIntent,
  ensureDefaultWorkspace,
  getHubspotConnection,
  listPendingSyncWork,
  schema,
} from '@licensync/core';
import {
  createFakeHubspot,
  createTestEnv,
  eventually,
  type FakeHubspot,
  type TestEnv,
} from '@licensync/testkit';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerRuntime, type WorkerRuntime } from '../src/create-worker-runtime';
import { intentCounts, seedCustomers, seedLicenses, seedProduct } from './hubspot-fixtures';

let fake: FakeHubspot;
let env: TestEnv;
let runtime: WorkerRuntime;
let workspaceId: string;
let licenseIds: string[];

const settled = () =>
  eventually(async () => {
    const counts = await intentCounts(runtime.db);
    return !counts.pending && !counts.processing ? counts : undefined;
  }, 20_000);
const licenseType = async () =>
  (await getHubspotConnection(runtime.db, workspaceId))!.objectTypeIds.licenses!;
const recordOf = async (id: string) =>
  fake.records(await licenseType()).find((r) => r.properties.licensync_license_id === id);
const extend = (ids: string[], validUntil: Date) =>
  runtime.db.transaction(async (tx) => {
    await tx.update(schema.licenses).set({ validUntil }).where(inArray(schema.licenses.id, ids));
    await enqueueSyncIntent(tx, workspaceId, 'license', ids);
  });
const intentsOf = (ids: string[]) =>
  runtime.db.select().from(schema.syncOutbox).where(inArray(schema.syncOutbox.objectId, ids));

beforeAll(async () => {
  fake = await createFakeHubspot();
  env = await createTestEnv({
    HUBSPOT_API_BASE: fake.url,
    HUBSPOT_ACCESS_TOKEN: fake.defaultPortal.token,
    HUBSPOT_SYNC_POLL_MS: '100',
  });
  runtime = await createWorkerRuntime(env.config, env.logger);
  workspaceId = (await ensureDefaultWorkspace(runtime.db)).id;
  const productId = await seedProduct(runtime.db, workspaceId);
  const customerIds = await seedCustomers(runtime.db, workspaceId, 5);
  licenseIds = await seedLicenses(runtime.db, workspaceId, { productId, customerIds, n: 10 });
  await settled();
});
afterAll(async () => {
  await runtime.close();
  await env.cleanup();
  await fake.close();
});

describe('HubSpot refuses the connection or lost our schema', () => {
  it('a property deleted in HubSpot mid-run is deployed again and the batch retried, nothing failed', async () => {
    const type = await licenseType();
    const res = await fetch(`${fake.url}/crm/v3/properties/${type}/valid_until`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${fake.defaultPortal.token}` },
    });
    expect(res.status).toBe(204);
    await extend(licenseIds.slice(0, 3), new Date('2031-05-01T00:00:00Z'));
    const counts = await settled();

    expect(counts.failed).toBeUndefined();
    expect(fake.properties(type).map((p) => p.name)).toContain('valid_until');
    expect((await recordOf(licenseIds[0]!))?.properties.valid_until).toBe('2031-05-01');
    expect(await runtime.db.select().from(schema.jobFailures)).toEqual([]);
  });

  it('a revoked token stops the connection with one failure, keeps every intent, and a reconnect resumes', async () => {
    fake.revokeToken(fake.defaultPortal.token);
    const changed = licenseIds.slice(3, 10);
    await extend(changed, new Date('2032-01-01T00:00:00Z'));

    await eventually(async () => (await getHubspotConnection(runtime.db, workspaceId))?.status === 'error');
    const intents = await eventually(async () => {
      const rows = await intentsOf(changed);
      const open = rows.filter((r) => r.status !== 'done');
      return open.length === changed.length && open.every((r) => r.status === 'pending') ? open : undefined;
    });
    expect(intents.map((r) => r.attempts)).toEqual(changed.map(() => 0));
    const failures = await runtime.db.select().from(schema.jobFailures);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      queue: 'hubspot-sync',
      jobName: 'connection',
      status: 'failed',
      workspaceId,
    });
    expect(failures[0]!.lastError).toContain('Authentication credentials not found');
    expect(failures[0]!.lastError).toContain('HUBSPOT_ACCESS_TOKEN');
    // Not polled while in error: no job is started for it.
    expect((await listPendingSyncWork(runtime.db)).filter((w) => w.workspaceId === workspaceId)).toEqual([]);

    // The token works again (the app was reinstalled) and the worker restarts with it.
    fake.addPortal(fake.defaultPortal);
    await runtime.close();
    runtime = await createWorkerRuntime(env.config, env.logger);
    expect((await getHubspotConnection(runtime.db, workspaceId))?.status).toBe('active');
    await settled();
    expect((await recordOf(changed[0]!))?.properties.valid_until).toBe('2032-01-01');
    const [failure] = await runtime.db.select().from(schema.jobFailures);
    expect(failure?.status).toBe('resolved');
    expect((await intentsOf(changed)).filter((r) => r.status === 'failed')).toEqual([]);
    const [connection] = await runtime.db
      .select()
      .from(schema.hubspotConnections)
      .where(eq(schema.hubspotConnections.workspaceId, workspaceId));
    expect(connection?.status).toBe('active');
  });
});
