import { enqueueSyncIntent, ensureDefaultWorkspace, getHubspotConnection, schema } from '@licensync/core';
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
let productId: string;
let customerIds: string[];
let licenseType: string;

const settled = () =>
  eventually(async () => {
    const counts = await intentCounts(runtime.db);
    return !counts.pending && !counts.processing ? counts : undefined;
  }, 20_000);
const intentsOf = (ids: string[]) =>
  runtime.db.select().from(schema.syncOutbox).where(inArray(schema.syncOutbox.objectId, ids));
const recordOf = (licenseId: string) =>
  fake.records(licenseType).find((r) => r.properties.licensync_license_id === licenseId);
const contactOf = (recordId: string) =>
  fake
    .associations()
    .filter((e) => e.fromObjectTypeId === licenseType && e.fromId === recordId && e.toObjectTypeId === '0-1')
    .map((e) => e.toId);
/** Licenses of one customer, synced. */
const licensesFor = async (customerId: string, tag: string) => {
  const ids = await seedLicenses(runtime.db, workspaceId, {
    productId,
    customerIds: [customerId],
    n: 2,
    tag,
  });
  await settled();
  return ids;
};
const setLicenseToggle = (on: boolean) =>
  runtime.db
    .update(schema.hubspotConnections)
    .set({ syncToggles: on ? {} : { licenses: false } })
    .where(eq(schema.hubspotConnections.workspaceId, workspaceId));

beforeAll(async () => {
  fake = await createFakeHubspot();
  env = await createTestEnv({
    HUBSPOT_API_BASE: fake.url,
    HUBSPOT_ACCESS_TOKEN: fake.defaultPortal.token,
    HUBSPOT_SYNC_POLL_MS: '100',
  });
  runtime = await createWorkerRuntime(env.config, env.logger);
  workspaceId = (await ensureDefaultWorkspace(runtime.db)).id;
  productId = await seedProduct(runtime.db, workspaceId);
  customerIds = await seedCustomers(runtime.db, workspaceId, 10);
  licenseType = (await getHubspotConnection(runtime.db, workspaceId))!.objectTypeIds.licenses!;
  await settled();
});
afterAll(async () => {
  await runtime.close();
  await env.cleanup();
  await fake.close();
});

describe('records HubSpot refuses or lost', () => {
  it('a batch HubSpot refuses as a whole is split until only the bad record fails: 99 land, 1 fails', async () => {
    fake.failBatchOnInvalid(true);
    await setLicenseToggle(false);
    const ids = await seedLicenses(runtime.db, workspaceId, { productId, customerIds, n: 100, tag: 'split' });
    await runtime.db
      .update(schema.licenses)
      .set({ licenseType: 'lifetime' as never })
      .where(eq(schema.licenses.id, ids[37]!));
    const upsertsBefore = fake
      .requests()
      .filter((r) => r.path.endsWith(`${licenseType}/batch/upsert`)).length;
    await setLicenseToggle(true);
    await settled();
    fake.failBatchOnInvalid(false);

    const intents = await intentsOf(ids);
    expect(intents.filter((r) => r.status === 'done')).toHaveLength(99);
    const [failed, ...more] = intents.filter((r) => r.status === 'failed');
    expect(more).toEqual([]);
    expect(failed).toMatchObject({ objectId: ids[37] });
    expect(failed!.lastError).toContain('lifetime was not one of the allowed options');
    expect(fake.records(licenseType)).toHaveLength(99);
    const upserts = fake
      .requests()
      .filter((r) => r.path.endsWith(`${licenseType}/batch/upsert`))
      .slice(upsertsBefore);
    expect(upserts.filter((r) => r.status === 400).length).toBeGreaterThan(0);
    // One split per level: 100 → 50 → 25 → 13 → 7 → 4 → 2 → 1, two calls per level after the first.
    expect(upserts.length).toBeLessThanOrEqual(1 + 2 * 7);
  });

  it('a license whose customer HubSpot refuses waits for it, then fails with the customer’s reason', async () => {
    const [customer] = await runtime.db
      .insert(schema.customers)
      .values({ workspaceId, email: 'long@mail.test', name: `Ada ${'x'.repeat(70_000)}` })
      .returning();
    const [licenseId] = await seedLicenses(runtime.db, workspaceId, {
      productId,
      customerIds: [customer!.id],
      n: 1,
      tag: 'orphan',
    });
    await settled();

    const [intent] = await intentsOf([licenseId!]);
    expect(intent).toMatchObject({ status: 'failed', attempts: env.config.JOB_ATTEMPTS });
    expect(intent!.lastError).toContain(`customer ${customer!.id} is not in HubSpot yet`);
    expect(intent!.lastError).toContain('VALUE_TOO_LONG');
    expect(recordOf(licenseId!)).toBeUndefined();

    // The name is fixed and the failure replayed: the license lands, associated with its contact.
    await runtime.db
      .update(schema.customers)
      .set({ name: 'Ada Short' })
      .where(eq(schema.customers.id, customer!.id));
    await runtime.db
      .update(schema.syncOutbox)
      .set({ status: 'pending', attempts: 0 })
      .where(eq(schema.syncOutbox.id, intent!.id));
    await settled();
    const contact = fake.records('0-1').find((c) => c.properties.email === 'long@mail.test');
    expect(contactOf(recordOf(licenseId!)!.id)).toEqual([contact!.id]);
  });

  it('a contact deleted in HubSpot is created again on the next customer change, and its licenses move to it', async () => {
    const customerId = customerIds[3]!;
    const licenses = await licensesFor(customerId, 'deleted');
    const [customer] = await runtime.db
      .select()
      .from(schema.customers)
      .where(eq(schema.customers.id, customerId));
    const old = fake.records('0-1').find((c) => c.properties.email === customer!.email)!;
    const res = await fetch(`${fake.url}/crm/v3/objects/contacts/${old.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${fake.defaultPortal.token}` },
    });
    expect(res.status).toBe(204);

    await runtime.db.transaction(async (tx) => {
      await tx
        .update(schema.customers)
        .set({ name: 'Ada Returned' })
        .where(eq(schema.customers.id, customerId));
      await enqueueSyncIntent(tx, workspaceId, 'customer', [customerId]);
    });
    await settled();

    const customerIntents = await intentsOf([customerId]);
    expect(customerIntents.map((r) => r.status)).toEqual(customerIntents.map(() => 'done'));
    const now = fake.records('0-1').find((c) => c.properties.email === customer!.email);
    expect(now?.id).toBeDefined();
    expect(now!.id).not.toBe(old.id);
    expect(now!.properties.lastname).toBe('Returned');
    for (const id of licenses) expect(contactOf(recordOf(id)!.id)).toEqual([now!.id]);
  });

  it('a customer’s new email reaches its license records', async () => {
    const customerId = customerIds[5]!;
    const licenses = await licensesFor(customerId, 'email');
    await runtime.db.transaction(async (tx) => {
      await tx
        .update(schema.customers)
        .set({ email: 'renamed@mail.test' })
        .where(eq(schema.customers.id, customerId));
      await enqueueSyncIntent(tx, workspaceId, 'customer', [customerId]);
    });
    await settled();
    expect(licenses.map((id) => recordOf(id)?.properties.customer_email)).toEqual(
      licenses.map(() => 'renamed@mail.test'),
    );
  });
});
