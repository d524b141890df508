import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;
let ada: { id: string; accountId: string };

const catalog = {
  products: [
    {
      short_code: 'pro',
      name: 'Pro',
      authorization_method: 'license-key',
      policies: [{ code: 'forever', name: 'Perpetual', license_type: 'perpetual', is_default: true }],
    },
  ],
};
const buy = (customer: Record<string, unknown>) =>
  stack.call('POST', '/orders', { customer, product: 'pro', quantity: 1 });
const emails = (body: { data: { email: string }[] }) => body.data.map((c) => c.email);

beforeAll(async () => {
  stack = await startApi();
  await stack.call('POST', '/catalog/import', catalog);
  const first = await buy({
    email: 'ada@engines.example',
    first_name: 'Ada',
    last_name: 'Lovelace',
    company: { name: 'Analytical Engines', domain: 'engines.example' },
  });
  ada = { id: first.body.customer_id, accountId: first.body.customer_account_id };
  await buy({ email: 'charles@engines.example', first_name: 'Charles', last_name: 'Babbage' });
  await buy({ email: 'adam@smith.example', first_name: 'Adam', last_name: 'Smith' });
  await buy({ email: 'sam@forge.example', first_name: 'Sam', last_name: 'Smithers' });
  await buy({ email: 'smithy@forge.example' });
  await buy({ email: 'sam@forge.example', first_name: 'Sam', last_name: 'Smithers' });
  await buy({ email: 'smithy@forge.example' });
  await buy({ email: 'grace@navy.example', first_name: 'Grace', last_name: 'Hopper' });
  await buy({ email: 'x_y@percent.example', first_name: '100%', last_name: 'Sure' });
  const { db } = stack.api;
  const [ws] = await db.select().from(schema.workspaces);
  await db.insert(schema.externalLinks).values([
    {
      workspaceId: ws!.id,
      entityKind: 'customer',
      entityId: ada.id,
      provider: 'hubspot',
      externalType: '0-1',
      externalId: '501',
    },
    {
      workspaceId: ws!.id,
      entityKind: 'customer',
      entityId: ada.id,
      provider: 'hubspot',
      externalType: '0-2',
      externalId: '901',
    },
  ]);
});
afterAll(() => stack.close());

describe('GET /api/v1/customers?query=', () => {
  it.each([
    ['an exact email first', 'adam@smith.example', ['adam@smith.example']],
    [
      'an email that starts with the query, then a domain, then a name that contains it',
      'smith',
      ['smithy@forge.example', 'adam@smith.example', 'sam@forge.example'],
    ],
    ['a company name', 'analytical', ['ada@engines.example']],
    ['a domain, every contact of it', 'engines.example', ['ada@engines.example', 'charles@engines.example']],
    ['a surname', 'hopper', ['grace@navy.example']],
    ['wildcards as text', '_', ['x_y@percent.example']],
    ['a percent sign as text', '100%', ['x_y@percent.example']],
  ])('finds %s', async (_name, query, expected) => {
    const res = await stack.call('GET', `/customers?query=${encodeURIComponent(query)}`);
    expect(res.status).toBe(200);
    expect(emails(res.body)).toEqual(expected);
  });

  it('needs a query', async () => {
    const res = await stack.call('GET', '/customers');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields)).toEqual(['query']);
  });
});

describe('one customer', () => {
  it('reads a customer with its account and the HubSpot records it is linked to', async () => {
    const res = await stack.call('GET', `/customers/${ada.id}`);
    expect(res.body).toMatchObject({
      email: 'ada@engines.example',
      name: 'Ada Lovelace',
      account: { id: ada.accountId, name: 'Analytical Engines', domain: 'engines.example' },
      hubspot_records: expect.arrayContaining([
        { customer_id: ada.id, object_type: 'contact', object_id: '501' },
        { customer_id: ada.id, object_type: 'company', object_id: '901' },
      ]),
    });
  });

  it("lists a customer's licenses", async () => {
    const res = await stack.call('GET', `/customers/${ada.id}/licenses`);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0].customer.id).toBe(ada.id);
  });

  it('edits a customer, in the history with its actor and synced', async () => {
    const res = await stack.call(
      'PATCH',
      `/customers/${ada.id}`,
      { name: 'Augusta Ada King' },
      { 'x-licensync-client': 'cli' },
    );
    expect(res.body).toMatchObject({ customer: { name: 'Augusta Ada King' }, changed: ['name'] });
    const [entry] = await stack.api.db
      .select()
      .from(schema.activityLog)
      .where(eq(schema.activityLog.kind, 'customer.updated'));
    expect(entry!.detail).toMatchObject({
      actor: 'admin-token',
      client: 'cli',
      before: { name: 'Ada Lovelace' },
      after: { name: 'Augusta Ada King' },
    });
  });

  it('sets the customer type, and clears it so the default HubSpot object decides', async () => {
    const set = await stack.call('PATCH', `/customers/${ada.id}`, { customer_type: 'company' });
    expect(set.body).toMatchObject({ customer: { customer_type: 'company' }, changed: ['customer_type'] });
    const cleared = await stack.call('PATCH', `/customers/${ada.id}`, { customer_type: null });
    expect(cleared.body).toMatchObject({ customer: { customer_type: null }, changed: ['customer_type'] });
  });

  it.each([
    ['an unknown customer', 'GET', '/customers/00000000-0000-4000-8000-000000000000', undefined, 404],
    ['a customer type that is neither', 'PATCH', '/customers/ID', { customer_type: 'reseller' }, 400],
    ['a bad email', 'PATCH', '/customers/ID', { email: 'nope' }, 400],
    ['an unknown field', 'PATCH', '/customers/ID', { stripe_customer_id: 'cus_1' }, 400],
  ])('answers %s with %i', async (_name, method, path, body, status) => {
    expect((await stack.call(method, path.replace('ID', ada.id), body)).status).toBe(status);
  });
});

describe('customer accounts', () => {
  it('searches, reads with contacts and records, edits and lists licenses', async () => {
    const found = await stack.call('GET', '/customer_accounts?query=engines');
    expect(found.body.data.map((a: { id: string }) => a.id)).toEqual([ada.accountId]);
    const one = await stack.call('GET', `/customer_accounts/${ada.accountId}`);
    expect(one.body.contacts.map((c: { email: string }) => c.email)).toEqual(['ada@engines.example']);
    expect(one.body.hubspot_records).toContainEqual({
      customer_id: ada.id,
      object_type: 'company',
      object_id: '901',
    });
    const edited = await stack.call('PATCH', `/customer_accounts/${ada.accountId}`, { tax_id: 'GB123' });
    expect(edited.body).toMatchObject({ customer_account: { tax_id: 'GB123' }, changed: ['tax_id'] });
    const intents = await stack.api.db
      .select()
      .from(schema.syncOutbox)
      .where(eq(schema.syncOutbox.objectId, ada.id));
    expect(intents.some((i) => i.status === 'pending')).toBe(true);
    const licenses = await stack.call('GET', `/customer_accounts/${ada.accountId}/licenses`);
    expect(licenses.body.data).toHaveLength(1);
  });
});
