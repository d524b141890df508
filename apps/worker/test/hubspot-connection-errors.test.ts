import { enqueueSyncIntent, listPendingSyncWork } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { getHubspotConnection } from '@licensync/hubspot';
import { eventually } from '@licensync/test-env';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;
let licenseIds: string[];

const licenseType = async () => (await stack.objectTypeIds()).licenses!;
const recordOf = async (id: string) =>
  stack.fake.records(await licenseType()).find((r) => r.properties.licensync_license_id === id);
const extend = (ids: string[], validUntil: Date) =>
  stack.runtime.db.transaction(async (tx) => {
    await tx.update(schema.licenses).set({ validUntil }).where(inArray(schema.licenses.id, ids));
    await enqueueSyncIntent(tx, stack.workspaceId, 'license', ids);
  });
const intentsOf = (ids: string[]) =>
  stack.runtime.db.select().from(schema.syncOutbox).where(inArray(schema.syncOutbox.objectId, ids));

beforeAll(async () => {
  stack = await startHubspotStack();
  ({ licenseIds } = await stack.seed({ customers: 5, licenses: 10 }));
  await stack.settled();
});
afterAll(() => stack.close());

describe('HubSpot refuses the connection or lost our schema', () => {
  it('a property deleted in HubSpot mid-run is deployed again and the batch retried, nothing failed', async () => {
    const type = await licenseType();
    const res = await fetch(`${stack.fake.url}/crm/v3/properties/${type}/valid_until`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${stack.fake.defaultPortal.token}` },
    });
    expect(res.status).toBe(204);
    await extend(licenseIds.slice(0, 3), new Date('2031-05-01T00:00:00Z'));
    const counts = await stack.settled();

    expect(counts.failed).toBeUndefined();
    expect(stack.fake.properties(type).map((p) => p.name)).toContain('valid_until');
    expect((await recordOf(licenseIds[0]!))?.properties.valid_until).toBe('2031-05-01');
    expect(await stack.runtime.db.select().from(schema.jobFailures)).toEqual([]);
  });

  it('a revoked token stops the connection with one failure, keeps every intent, and a reconnect resumes', async () => {
    stack.fake.revokeToken(stack.fake.defaultPortal.token);
    const changed = licenseIds.slice(3, 10);
    await extend(changed, new Date('2032-01-01T00:00:00Z'));

    await eventually(
      async () => (await getHubspotConnection(stack.runtime.db, stack.workspaceId))?.status === 'error',
    );
    const intents = await eventually(async () => {
      const rows = await intentsOf(changed);
      const open = rows.filter((r) => r.status !== 'done');
      return open.length === changed.length && open.every((r) => r.status === 'pending') ? open : undefined;
    });
    expect(intents.map((r) => r.attempts)).toEqual(changed.map(() => 0));
    const failures = await stack.runtime.db.select().from(schema.jobFailures);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      queue: 'hubspot-sync',
      jobName: 'connection',
      status: 'failed',
      workspaceId: stack.workspaceId,
    });
    expect(failures[0]!.lastError).toContain('Authentication credentials not found');
    expect(failures[0]!.lastError).toContain('HUBSPOT_ACCESS_TOKEN');
    // Not polled while in error: no job is started for it.
    expect(
      (await listPendingSyncWork(stack.runtime.db)).filter((w) => w.workspaceId === stack.workspaceId),
    ).toEqual([]);

    // The token works again (the app was reinstalled) and the worker restarts with it.
    stack.fake.addPortal(stack.fake.defaultPortal);
    await stack.restart({});
    expect((await getHubspotConnection(stack.runtime.db, stack.workspaceId))?.status).toBe('active');
    await stack.settled();
    expect((await recordOf(changed[0]!))?.properties.valid_until).toBe('2032-01-01');
    const [failure] = await stack.runtime.db.select().from(schema.jobFailures);
    expect(failure?.status).toBe('resolved');
    expect((await intentsOf(changed)).filter((r) => r.status === 'failed')).toEqual([]);
    const [connection] = await stack.runtime.db
      .select()
      .from(schema.hubspotConnections)
      .where(eq(schema.hubspotConnections.workspaceId, stack.workspaceId));
    expect(connection?.status).toBe('active');
  });
});
