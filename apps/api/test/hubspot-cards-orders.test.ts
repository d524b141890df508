import * as schema from '@licensync/core/schema';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerCounts } from './support/hubspot-cards-fixtures';
import { type CardStack, startCardStack } from './support/start-card-stack';

// The create form: products, policies and their fields, and orders from contacts and companies.
let stack: CardStack['stack'];
let card: CardStack['card'];
// biome-ignore lint/suspicious/noExplicitAny: answers are read as JSON
let pro: any;
let policy: CardStack['policy'];
let contactOrder: CardStack['contactOrder'];
const db = () => stack.api.db;

beforeAll(async () => {
  ({ stack, card, pro, policy, contactOrder } = await startCardStack());
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
      link: expect.stringMatching(`/console/licenses/${res.body.licenses[0].id}\\?workspace=default$`),
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

  it("gives new customers the card's type, even when the workspace's default object is company", async () => {
    const ws = eq(schema.workspaces.id, stack.api.workspaceId);
    const [workspace] = await db().select().from(schema.workspaces).where(ws);
    await db()
      .update(schema.workspaces)
      .set({ settings: { ...workspace!.settings, hubspotDefaultObject: 'company' } })
      .where(ws);
    try {
      const person = await contactOrder('104', { email: 'typed@person.example', firstName: 'Pat' });
      expect(person.status).toBe(201);
      const company = await card('/orders', {
        method: 'POST',
        body: {
          objectType: 'company',
          objectId: '303',
          record: {
            name: 'Typed Co',
            domain: 'typed-co.example',
            contact: { email: 'buyer@typed-co.example' },
          },
          productId: pro.id,
          quantity: 1,
        },
      });
      expect(company.status).toBe(201);
      const typeOf = async (email: string) =>
        (await db().select().from(schema.customers).where(eq(schema.customers.email, email)))[0]
          ?.customerType;
      expect(await typeOf('typed@person.example')).toBe('individual');
      expect(await typeOf('buyer@typed-co.example')).toBe('company');
    } finally {
      await db().update(schema.workspaces).set({ settings: workspace!.settings }).where(ws);
    }
  });

  it('answers 400 naming the field for a malformed body', async () => {
    const res = await card('/orders', { method: 'POST', body: { objectType: 'deal', quantity: 0 } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(
      expect.arrayContaining(['objectType', 'quantity', 'productId']),
    );
  });
});
