import * as schema from '@licensync/core/schema';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CARD_CATALOG,
  CLIENT_SECRET,
  cardFetch,
  connectPortal,
  ledgerCounts,
  PORTAL,
} from './support/hubspot-cards-fixtures';
import { type ApiStack, startApi } from './support/start-api';

// One test (or a few) per card endpoint, against real Postgres, every request signed as HubSpot signs.
let stack: ApiStack;
let card: ReturnType<typeof cardFetch>;
// biome-ignore lint/suspicious/noExplicitAny: answers are read as JSON
let pro: any;
// biome-ignore lint/suspicious/noExplicitAny: answers are read as JSON
const policy = (code: string) => pro.policies.find((p: any) => p.code === code);
const db = () => stack.api.db;

const contactOrder = (
  objectId: string,
  record: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) =>
  card('/orders', {
    method: 'POST',
    body: {
      objectType: 'contact',
      objectId,
      record,
      productId: pro.id,
      policyId: policy('annual').id,
      quantity: 1,
      ...extra,
    },
  });

beforeAll(async () => {
  stack = await startApi({ HUBSPOT_CLIENT_SECRET: CLIENT_SECRET });
  expect((await stack.call('POST', '/catalog/import', CARD_CATALOG)).status).toBe(200);
  await connectPortal(stack.api.db, stack.api.workspaceId, PORTAL);
  card = cardFetch(stack);
  pro = (await card('/products')).body.products.find((p: { shortCode: string }) => p.shortCode === 'pro');
});
afterAll(() => stack.close());

describe('GET /hubspot/cards/products and /products/:id/policies', () => {
  it('lists products with the form fields each policy type needs', async () => {
    const res = await card('/products');
    expect(res.status).toBe(200);
    const [proJson, seats] = res.body.products;
    expect(proJson).toMatchObject({
      shortCode: 'pro',
      name: 'Pro',
      features: [
        { code: 'batch', name: 'Batch' },
        { code: 'export', name: 'Export' },
      ],
      customFields: [{ name: 'tier', defaultValue: 'standard' }],
    });
    const names = (p: { fields: { name: string }[] }) => p.fields.map((f) => f.name);
    const annual = policy('annual');
    expect(annual).toMatchObject({ licenseType: 'time-limited', validDuration: '1y' });
    expect(annual.fields.find((f: { name: string }) => f.name === 'validDuration').default).toBe('1y');
    expect(names(annual)).toEqual(
      expect.arrayContaining(['validDuration', 'validUntil', 'features', 'customFields']),
    );
    expect(names(policy('forever'))).not.toContain('validDuration');
    expect(names(policy('forever'))).not.toContain('maxLicenseUsers');
    expect(names(seats.policies[0])).toContain('maxLicenseUsers');
    expect(names(seats.policies[0])).not.toContain('features');
  });

  it("lists one product's policies, and 404 for a product it does not have", async () => {
    const res = await card(`/products/${pro.id}/policies`);
    expect(res.status).toBe(200);
    expect(res.body.policies.map((p: { code: string }) => p.code)).toEqual(['annual', 'forever']);
    const unknown = await card('/products/00000000-0000-4000-8000-000000000000/policies');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });
});

describe('POST /hubspot/cards/orders', () => {
  it("creates a contact's first order: our customer from the contact, connected, licenses queued live", async () => {
    const res = await contactOrder(
      '101',
      {
        email: 'Ada@Example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        company: { name: 'Engines', domain: 'engines.io' },
      },
      { quantity: 2, overrides: { maxActivations: 3, features: ['export'], customFields: { tier: 'gold' } } },
    );
    expect(res.status).toBe(201);
    expect(res.body.licenses).toHaveLength(2);
    expect(res.body.licenses[0]).toMatchObject({
      productName: 'Pro',
      policyName: 'Annual',
      licenseType: 'time-limited',
      maxActivations: 3,
      customerEmail: 'ada@example.com',
      link: expect.stringContaining(`/console/licenses/${res.body.licenses[0].id}`),
    });
    const [customer] = await db()
      .select()
      .from(schema.customers)
      .where(eq(schema.customers.id, res.body.customer.id));
    expect(customer).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace' });
    const [account] = await db()
      .select()
      .from(schema.customerAccounts)
      .where(eq(schema.customerAccounts.id, customer!.customerAccountId!));
    expect(account).toMatchObject({ name: 'Engines', domain: 'engines.io' });
    const [order] = await db().select().from(schema.orders).where(eq(schema.orders.id, res.body.order.id));
    expect(order!.sourceKind).toBe('hubspot_card');
    const ids = res.body.licenses.map((l: { id: string }) => l.id);
    const intents = await db()
      .select()
      .from(schema.syncOutbox)
      .where(and(eq(schema.syncOutbox.objectKind, 'license'), inArray(schema.syncOutbox.objectId, ids)));
    expect(intents.map((i) => [i.status, i.priority])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ]);
    const [history] = await db()
      .select()
      .from(schema.activityLog)
      .where(eq(schema.activityLog.kind, 'order.created'));
    expect(history!.actor).toBe('hubspot-user:rep@seller.example');
    const listed = await card('/records/contact/101/licenses');
    expect(listed.body).toMatchObject({ connected: true, total: 2, customer: { email: 'ada@example.com' } });
  });

  it('orders again for a connected contact on the same customer', async () => {
    const first = await card('/records/contact/101/licenses');
    const res = await contactOrder('101', { email: 'ada@example.com' }, { policyId: policy('forever').id });
    expect(res.status).toBe(201);
    expect(res.body.customer.id).toBe(first.body.customer.id);
    expect((await card('/records/contact/101/licenses')).body.total).toBe(3);
  });

  it('refuses a contact whose company has no name with "Company name can\'t be empty", creating nothing', async () => {
    const before = await ledgerCounts(db());
    const res = await contactOrder('102', { email: 'nameless@example.com', company: { name: '  ' } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'unprocessable', message: "Company name can't be empty" });
    expect(await ledgerCounts(db())).toEqual(before);
    expect((await card('/records/contact/102/licenses')).body.connected).toBe(false);
  });

  it('creates one order for a retried request (same requestId)', async () => {
    const body = { requestId: 'click-1' };
    const a = await contactOrder('103', { email: 'retry@example.com' }, body);
    const b = await contactOrder('103', { email: 'retry@example.com' }, body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.order.id).toBe(a.body.order.id);
    expect(b.body.licenses.map((l: { id: string }) => l.id)).toEqual(
      a.body.licenses.map((l: { id: string }) => l.id),
    );
  });

  it("creates a company's first order on a new customer account, connected to the company", async () => {
    const res = await card('/orders', {
      method: 'POST',
      body: {
        objectType: 'company',
        objectId: '301',
        record: {
          name: 'Initech',
          domain: 'initech.com',
          contact: { email: 'bill@initech.com', firstName: 'Bill' },
        },
        productId: pro.id,
        quantity: 1,
      },
    });
    expect(res.status).toBe(201);
    const [account] = await db()
      .select()
      .from(schema.customerAccounts)
      .where(eq(schema.customerAccounts.id, res.body.customerAccountId));
    expect(account).toMatchObject({ name: 'Initech', domain: 'initech.com' });
    const [license] = await db()
      .select()
      .from(schema.licenses)
      .where(eq(schema.licenses.id, res.body.licenses[0].id));
    expect(license!.customerAccountId).toBe(account!.id);
    const listed = await card('/records/company/301/licenses');
    expect(listed.body).toMatchObject({ connected: true, total: 1, account: { name: 'Initech' } });
  });

  it('refuses a company without a name, or one with no customer to license, creating nothing', async () => {
    const before = await ledgerCounts(db());
    const order = (record: unknown) =>
      card('/orders', {
        method: 'POST',
        body: { objectType: 'company', objectId: '302', record, productId: pro.id, quantity: 1 },
      });
    const blank = await order({ name: '', contact: { email: 'x@blank.io' } });
    expect(blank.status).toBe(422);
    expect(blank.body.error.message).toBe("Company name can't be empty");
    const nobody = await order({ name: 'Nobody Inc' });
    expect(nobody.status).toBe(422);
    expect(nobody.body.error.fields).toHaveProperty(['customer.email']);
    expect(await ledgerCounts(db())).toEqual(before);
  });

  it('answers 400 naming the field for a malformed body', async () => {
    const res = await card('/orders', { method: 'POST', body: { objectType: 'deal', quantity: 0 } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(
      expect.arrayContaining(['objectType', 'quantity', 'productId']),
    );
  });
});

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
    expect(hit).toMatchObject({ kind: 'customer', email: 'grace@hopper.io', company: 'Hopper Labs' });
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
});

describe('one license: detail and edits', () => {
  let timeLimited: string;
  let perpetual: string;

  beforeAll(async () => {
    const res = await contactOrder('601', { email: 'edit@example.com' });
    timeLimited = res.body.licenses[0].id;
    const p = await contactOrder('601', { email: 'edit@example.com' }, { policyId: policy('forever').id });
    perpetual = p.body.licenses[0].id;
  });

  it('shows every field, features, custom fields, what its type lets change, and the link', async () => {
    const res = await card(`/licenses/${timeLimited}`);
    expect(res.status).toBe(200);
    expect(res.body.license).toMatchObject({
      id: timeLimited,
      licenseType: 'time-limited',
      features: [{ code: 'batch', name: 'Batch' }],
      availableFeatures: [{ code: 'export', name: 'Export' }],
      customFields: [{ name: 'tier', value: 'standard', defaultValue: 'standard' }],
    });
    expect(res.body.editableFields).toEqual([
      'validUntil',
      'maintenanceUntil',
      'maxActivations',
      'floatingCloud',
      'isTrial',
    ]);
    expect(res.body.link).toBe(`${stack.env.config.PUBLIC_URL}/console/licenses/${timeLimited}`);
    const p = await card(`/licenses/${perpetual}`);
    expect(p.body.editableFields).not.toContain('validUntil');
    expect((await card('/licenses/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('updates the fields its type allows and lists what changed', async () => {
    const until = '2030-01-01T00:00:00.000Z';
    const before = (await card(`/licenses/${timeLimited}`)).body.license;
    const res = await card(`/licenses/${timeLimited}`, {
      method: 'PATCH',
      body: { maxActivations: 5, validUntil: until, isTrial: false },
    });
    expect(res.status).toBe(200);
    expect(res.body.changedFields).toEqual([
      { field: 'validUntil', from: before.validUntil, to: until },
      { field: 'maxActivations', from: 1, to: 5 },
    ]);
    expect(res.body.license).toMatchObject({ maxActivations: 5, validUntil: until });
    const [entry] = await db()
      .select()
      .from(schema.activityLog)
      .where(and(eq(schema.activityLog.kind, 'license.updated')));
    expect(entry!.actor).toBe('hubspot-user:rep@seller.example');
  });

  it('refuses a field its type does not allow, changing nothing', async () => {
    const before = await ledgerCounts(db());
    const res = await card(`/licenses/${perpetual}`, {
      method: 'PATCH',
      body: { validUntil: '2030-01-01T00:00:00Z' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('perpetual');
    expect(await ledgerCounts(db())).toEqual(before);
  });

  it('adds and removes product features', async () => {
    const added = await card(`/licenses/${timeLimited}/features`, {
      method: 'POST',
      body: { code: 'export' },
    });
    expect(added.status).toBe(201);
    expect(added.body.license.features.map((f: { code: string }) => f.code)).toEqual(['batch', 'export']);
    expect(added.body.changedFields).toEqual([{ field: 'features', added: 'export' }]);
    expect(
      (await card(`/licenses/${timeLimited}/features`, { method: 'POST', body: { code: 'export' } })).status,
    ).toBe(409);
    expect(
      (await card(`/licenses/${timeLimited}/features`, { method: 'POST', body: { code: 'nope' } })).status,
    ).toBe(422);
    const removed = await card(`/licenses/${timeLimited}/features/batch`, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(removed.body.license.features.map((f: { code: string }) => f.code)).toEqual(['export']);
  });

  it('edits a custom field value', async () => {
    const res = await card(`/licenses/${timeLimited}/custom-fields/tier`, {
      method: 'PUT',
      body: { value: 'platinum' },
    });
    expect(res.status).toBe(200);
    expect(res.body.changedFields).toEqual([
      { field: 'customFields.tier', from: 'standard', to: 'platinum' },
    ]);
    expect(res.body.license.customFields).toEqual([
      { name: 'tier', value: 'platinum', defaultValue: 'standard' },
    ]);
    const same = await card(`/licenses/${timeLimited}/custom-fields/tier`, {
      method: 'PUT',
      body: { value: 'platinum' },
    });
    expect(same.body.changedFields).toEqual([]);
    expect(
      (await card(`/licenses/${timeLimited}/custom-fields/typo`, { method: 'PUT', body: { value: 'x' } }))
        .status,
    ).toBe(422);
  });
});
