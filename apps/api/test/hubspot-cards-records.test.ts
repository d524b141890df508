import * as schema from '@licensync/core/schema';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CardStack, startCardStack } from './support/start-card-stack';

// A record's licenses, similar customers, connecting (HubSpot data wins), disconnecting, syncing.
let stack: CardStack['stack'];
let card: CardStack['card'];
let contactOrder: CardStack['contactOrder'];
const db = () => stack.api.db;

beforeAll(async () => {
  ({ stack, card, contactOrder } = await startCardStack());
});
afterAll(() => stack.close());

describe('records: licenses, similar customers, connection', () => {
  let grace: { customerId: string; licenseIds: string[] };

  beforeAll(async () => {
    // A customer who bought before HubSpot knew her: an admin order, no contact connected.
    const res = await stack.call('POST', '/orders', {
      customer: { email: 'grace@hopper.io', first_name: 'Grace', company: 'Hopper Labs' },
      product: 'pro',
      quantity: 2,
    });
    expect(res.status).toBe(201);
    grace = {
      customerId: res.body.customer_id,
      licenseIds: res.body.licenses.map((l: { id: string }) => l.id),
    };
    // Ada came through a card: contact 101 is connected to her.
    expect((await contactOrder('101', { email: 'ada@example.com' })).status).toBe(201);
  });

  it('says a record is not connected and offers the two ways out', async () => {
    const res = await card('/records/contact/201/licenses');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      connected: false,
      licenses: [],
      total: 0,
      actions: ['create_license', 'connect_customer'],
    });
  });

  it('finds similar customers by email, name and domain, saying which matched', async () => {
    const res = await card('/records/contact/201/similar-customers?email=grace%40hopper.io&name=Grace');
    expect(res.status).toBe(200);
    const hit = res.body.customers.find((c: { id: string }) => c.id === grace.customerId);
    expect(hit).toMatchObject({
      kind: 'customer',
      email: 'grace@hopper.io',
      company: 'Hopper Labs',
      connectedRecordId: null,
    });
    expect(hit.matchedOn).toEqual(['email', 'name', 'domain']);
    const byDomain = await card('/records/contact/201/similar-customers?domain=hopper.io');
    expect(byDomain.body.customers.map((c: { id: string }) => c.id)).toContain(grace.customerId);
    const accounts = await card('/records/company/399/similar-customers?name=Hopper');
    expect(accounts.body.customers[0]).toMatchObject({
      kind: 'customer_account',
      name: 'Hopper Labs',
      matchedOn: ['name'],
    });
    expect((await card('/records/contact/201/similar-customers')).status).toBe(400);
  });

  it("connects a contact: HubSpot's data overwrites ours, the answer lists the changes, older licenses appear", async () => {
    const res = await card('/records/contact/201/connection', {
      method: 'PUT',
      body: {
        customerId: grace.customerId,
        record: { email: 'grace.hopper@navy.mil', firstName: 'Grace', lastName: 'Hopper' },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.changedFields).toEqual([
      { field: 'email', from: 'grace@hopper.io', to: 'grace.hopper@navy.mil' },
      { field: 'name', from: 'Grace', to: 'Grace Hopper' },
    ]);
    const [row] = await db().select().from(schema.customers).where(eq(schema.customers.id, grace.customerId));
    expect(row).toMatchObject({ email: 'grace.hopper@navy.mil', name: 'Grace Hopper' });
    const listed = await card('/records/contact/201/licenses');
    expect(listed.body.connected).toBe(true);
    expect(listed.body.licenses.map((l: { id: string }) => l.id).sort()).toEqual(
      [...grace.licenseIds].sort(),
    );
    const [entry] = await db()
      .select()
      .from(schema.activityLog)
      .where(eq(schema.activityLog.kind, 'hubspot.record_connected'));
    expect(entry!.actor).toBe('hubspot-user:rep@seller.example');
  });

  it('refuses to take a customer connected to another contact unless asked to replace, then moves it', async () => {
    const body = { customerId: grace.customerId, record: { email: 'grace.hopper@navy.mil' } };
    const similar = await card('/records/contact/202/similar-customers?email=grace.hopper%40navy.mil');
    expect(similar.body.customers[0]).toMatchObject({ id: grace.customerId, connectedRecordId: '201' });
    const refused = await card('/records/contact/202/connection', { method: 'PUT', body });
    expect(refused.status).toBe(409);
    expect((await card('/records/contact/201/licenses')).body.connected).toBe(true);
    const moved = await card('/records/contact/202/connection', {
      method: 'PUT',
      body: { ...body, replace: true },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.changedFields).toEqual([]);
    expect((await card('/records/contact/201/licenses')).body.connected).toBe(false);
    expect((await card('/records/contact/202/licenses')).body.total).toBe(2);
  });

  it('changes a connection to another customer', async () => {
    const ada = (await card('/records/contact/101/licenses')).body.customer.id;
    const res = await card('/records/contact/202/connection', {
      method: 'PUT',
      body: { customerId: ada, record: { email: 'ada@example.com' }, replace: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.previousCustomerId).toBe(grace.customerId);
    expect((await card('/records/contact/202/licenses')).body.customer.id).toBe(ada);
    // Back, for the tests below.
    await card('/records/contact/202/connection', {
      method: 'PUT',
      body: { customerId: grace.customerId, record: { email: 'grace.hopper@navy.mil' }, replace: true },
    });
  });

  it('connects a company to a customer account, overwriting its name and domain', async () => {
    const [account] = await db()
      .select()
      .from(schema.customerAccounts)
      .where(eq(schema.customerAccounts.name, 'Hopper Labs'));
    const res = await card('/records/company/401/connection', {
      method: 'PUT',
      body: { customerId: account!.id, record: { name: 'Hopper Laboratories', domain: 'hopper.io' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.changedFields).toEqual([
      { field: 'name', from: 'Hopper Labs', to: 'Hopper Laboratories' },
      { field: 'domain', from: null, to: 'hopper.io' },
    ]);
    expect((await card('/records/company/401/licenses')).body).toMatchObject({ connected: true, total: 2 });
  });

  it('disconnects a record, and says 404 when there is nothing to disconnect', async () => {
    const res = await card('/records/company/401/connection', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ connected: false, disconnected: true });
    expect((await card('/records/company/401/licenses')).body.connected).toBe(false);
    const again = await card('/records/company/401/connection', { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_connected');
  });

  it('queues every license of a record and its customer for HubSpot, and reports progress', async () => {
    const res = await card('/records/contact/202/sync', { method: 'POST' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ queued: 3, licenses: 2, customers: 1 });
    const tagged = await db()
      .select()
      .from(schema.syncOutbox)
      .where(eq(schema.syncOutbox.resyncRunId, res.body.syncId));
    expect(tagged.map((t) => t.objectId).sort()).toEqual([...grace.licenseIds, grace.customerId].sort());
    expect(tagged.every((t) => t.priority === 0)).toBe(true);
    const pending = await card(`/syncs/${res.body.syncId}`);
    expect(pending.body).toMatchObject({ queued: 3, done: 0, failed: 0, pending: 3, finished: false });
    // The HubSpot sync worker settles them (one refused).
    const [first, ...rest] = tagged;
    await db().update(schema.syncOutbox).set({ status: 'failed' }).where(eq(schema.syncOutbox.id, first!.id));
    await db()
      .update(schema.syncOutbox)
      .set({ status: 'done' })
      .where(
        inArray(
          schema.syncOutbox.id,
          rest.map((r) => r.id),
        ),
      );
    const settled = await card(`/syncs/${res.body.syncId}`);
    expect(settled.body).toMatchObject({ queued: 3, done: 2, failed: 1, pending: 0, finished: true });
    expect((await card('/records/contact/299/sync', { method: 'POST' })).status).toBe(404);
    expect((await card('/syncs/not-a-run')).status).toBe(404);
  });

  it('a second Sync licenses while the first is under way answers the first run and keeps its progress', async () => {
    const first = await card('/records/contact/202/sync', { method: 'POST' });
    const second = await card('/records/contact/202/sync', { method: 'POST' });
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.body).toEqual(first.body);
    const progress = await card(`/syncs/${first.body.syncId}`);
    expect(progress.body).toMatchObject({ queued: 3, pending: 3, finished: false });

    // Once HubSpot has answered for all of them, the next click is a new run.
    await db()
      .update(schema.syncOutbox)
      .set({ status: 'done' })
      .where(eq(schema.syncOutbox.resyncRunId, first.body.syncId));
    const third = await card('/records/contact/202/sync', { method: 'POST' });
    expect(third.body.syncId).not.toBe(first.body.syncId);
    expect((await card(`/syncs/${third.body.syncId}`)).body).toMatchObject({ queued: 3, pending: 3 });
    expect((await card(`/syncs/${first.body.syncId}`)).body).toMatchObject({
      queued: 3,
      done: 3,
      finished: true,
    });
  });
});
