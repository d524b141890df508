import { enqueueSyncIntent } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLicenses } from './hubspot-fixtures';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;
let productId: string;
let customerIds: string[];
let licenseType: string;

const intentsOf = (ids: string[]) =>
  stack.runtime.db.select().from(schema.syncOutbox).where(inArray(schema.syncOutbox.objectId, ids));
const recordOf = (licenseId: string) =>
  stack.fake.records(licenseType).find((r) => r.properties.licensync_license_id === licenseId);
const contactOf = (recordId: string) =>
  stack.fake
    .associations()
    .filter((e) => e.fromObjectTypeId === licenseType && e.fromId === recordId && e.toObjectTypeId === '0-1')
    .map((e) => e.toId);
/** Licenses of one customer, synced. */
const licensesFor = async (customerId: string, tag: string) => {
  const ids = await seedLicenses(stack.runtime.db, stack.workspaceId, {
    productId,
    customerIds: [customerId],
    n: 2,
    tag,
  });
  await stack.settled();
  return ids;
};
const setLicenseToggle = (on: boolean) =>
  stack.runtime.db
    .update(schema.hubspotConnections)
    .set({ syncToggles: on ? {} : { licenses: false } })
    .where(eq(schema.hubspotConnections.workspaceId, stack.workspaceId));

beforeAll(async () => {
  stack = await startHubspotStack();
  ({ productId, customerIds } = await stack.seed({ customers: 10 }));
  licenseType = (await stack.objectTypeIds()).licenses!;
  await stack.settled();
});
afterAll(() => stack.close());

describe('records HubSpot refuses or lost', () => {
  it('a batch HubSpot refuses as a whole is split until only the bad record fails: 99 land, 1 fails', async () => {
    stack.fake.failBatchOnInvalid(true);
    await setLicenseToggle(false);
    const ids = await seedLicenses(stack.runtime.db, stack.workspaceId, {
      productId,
      customerIds,
      n: 100,
      tag: 'split',
    });
    await stack.runtime.db
      .update(schema.licenses)
      .set({ licenseType: 'lifetime' as never })
      .where(eq(schema.licenses.id, ids[37]!));
    const upsertsBefore = stack.fake
      .requests()
      .filter((r) => r.path.endsWith(`${licenseType}/batch/upsert`)).length;
    await setLicenseToggle(true);
    await stack.settled();
    stack.fake.failBatchOnInvalid(false);

    const intents = await intentsOf(ids);
    expect(intents.filter((r) => r.status === 'done')).toHaveLength(99);
    const [failed, ...more] = intents.filter((r) => r.status === 'failed');
    expect(more).toEqual([]);
    expect(failed).toMatchObject({ objectId: ids[37] });
    expect(failed!.lastError).toContain('lifetime was not one of the allowed options');
    expect(stack.fake.records(licenseType)).toHaveLength(99);
    const upserts = stack.fake
      .requests()
      .filter((r) => r.path.endsWith(`${licenseType}/batch/upsert`))
      .slice(upsertsBefore);
    expect(upserts.filter((r) => r.status === 400).length).toBeGreaterThan(0);
    // One split per level: 100 → 50 → 25 → 13 → 7 → 4 → 2 → 1, two calls per level after the first.
    expect(upserts.length).toBeLessThanOrEqual(1 + 2 * 7);
  });

  it('a license whose customer HubSpot refuses waits for it, then fails with the customer’s reason', async () => {
    const [customer] = await stack.runtime.db
      .insert(schema.customers)
      .values({ workspaceId: stack.workspaceId, email: 'long@mail.test', name: `Ada ${'x'.repeat(70_000)}` })
      .returning();
    const [licenseId] = await seedLicenses(stack.runtime.db, stack.workspaceId, {
      productId,
      customerIds: [customer!.id],
      n: 1,
      tag: 'orphan',
    });
    await stack.settled();

    const [intent] = await intentsOf([licenseId!]);
    expect(intent).toMatchObject({ status: 'failed', attempts: stack.env.config.JOB_ATTEMPTS });
    expect(intent!.lastError).toContain(`customer ${customer!.id} is not in HubSpot yet`);
    expect(intent!.lastError).toContain('VALUE_TOO_LONG');
    expect(recordOf(licenseId!)).toBeUndefined();

    // The name is fixed and the failure replayed: the license lands, associated with its contact.
    await stack.runtime.db
      .update(schema.customers)
      .set({ name: 'Ada Short' })
      .where(eq(schema.customers.id, customer!.id));
    await stack.runtime.db
      .update(schema.syncOutbox)
      .set({ status: 'pending', attempts: 0 })
      .where(eq(schema.syncOutbox.id, intent!.id));
    await stack.settled();
    const contact = stack.fake.records('0-1').find((c) => c.properties.email === 'long@mail.test');
    expect(contactOf(recordOf(licenseId!)!.id)).toEqual([contact!.id]);
  });

  it('a contact deleted in HubSpot is created again on the next customer change, and its licenses move to it', async () => {
    const customerId = customerIds[3]!;
    const licenses = await licensesFor(customerId, 'deleted');
    const [customer] = await stack.runtime.db
      .select()
      .from(schema.customers)
      .where(eq(schema.customers.id, customerId));
    const old = stack.fake.records('0-1').find((c) => c.properties.email === customer!.email)!;
    const res = await fetch(`${stack.fake.url}/crm/v3/objects/contacts/${old.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${stack.fake.defaultPortal.token}` },
    });
    expect(res.status).toBe(204);

    await stack.runtime.db.transaction(async (tx) => {
      await tx
        .update(schema.customers)
        .set({ name: 'Ada Returned' })
        .where(eq(schema.customers.id, customerId));
      await enqueueSyncIntent(tx, stack.workspaceId, 'customer', [customerId]);
    });
    await stack.settled();

    const customerIntents = await intentsOf([customerId]);
    // The seed's intent and this change's.
    expect(customerIntents).toHaveLength(2);
    expect(customerIntents.map((r) => r.status)).toEqual(customerIntents.map(() => 'done'));
    const now = stack.fake.records('0-1').find((c) => c.properties.email === customer!.email);
    expect(now?.id).toBeDefined();
    expect(now!.id).not.toBe(old.id);
    expect(now!.properties.lastname).toBe('Returned');
    for (const id of licenses) expect(contactOf(recordOf(id)!.id)).toEqual([now!.id]);
  });

  it('a customer’s new email reaches its license records', async () => {
    const customerId = customerIds[5]!;
    const licenses = await licensesFor(customerId, 'email');
    await stack.runtime.db.transaction(async (tx) => {
      await tx
        .update(schema.customers)
        .set({ email: 'renamed@mail.test' })
        .where(eq(schema.customers.id, customerId));
      await enqueueSyncIntent(tx, stack.workspaceId, 'customer', [customerId]);
    });
    await stack.settled();
    expect(licenses.map((id) => recordOf(id)?.properties.customer_email)).toEqual(
      licenses.map(() => 'renamed@mail.test'),
    );
  });
});
