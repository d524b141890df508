import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededWorkspace, seedWorkspace } from './support/seed-workspace';
import { type ApiStack, startApi } from './support/start-api';

// The ledger routes (orders, license edits, customers, accounts, settings) across two workspaces.
let stack: ApiStack;
let seeded: Record<'default' | 'ws-b', SeededWorkspace>;
const ws = (slug: string) => ({ 'licensync-workspace': slug });

beforeAll(async () => {
  stack = await startApi();
  const created = await stack.call('POST', '/workspaces', { slug: 'ws-b', name: 'Workspace B' });
  expect(created.status).toBe(201);
  seeded = {
    default: await seedWorkspace(stack.api.db, stack.api.workspaceId, 'def'),
    'ws-b': await seedWorkspace(stack.api.db, created.body.id, 'wsb'),
  };
  // Each license gets a feature and a custom field from its own workspace, to see they survive.
  for (const [slug, s] of Object.entries(seeded)) {
    const added = await stack.call(
      'POST',
      `/licenses/${s.licenseId}/features`,
      { code: 'export-pdf' },
      ws(slug),
    );
    expect(added.status).toBe(201);
    const set = await stack.call(
      'PUT',
      `/licenses/${s.licenseId}/custom_fields/support_tier`,
      { value: 'gold' },
      ws(slug),
    );
    expect(set.status).toBe(200);
  }
});
afterAll(() => stack.close());

const crossCases = (other: SeededWorkspace) =>
  [
    ['PATCH', `/licenses/${other.licenseId}`, { max_activations: 9 }],
    ['POST', `/licenses/${other.licenseId}/features`, { code: 'batch' }],
    ['DELETE', `/licenses/${other.licenseId}/features/export-pdf`, undefined],
    ['PUT', `/licenses/${other.licenseId}/custom_fields/support_tier`, { value: 'hijack' }],
    ['GET', `/customers/${other.customerId}`, undefined],
    ['PATCH', `/customers/${other.customerId}`, { name: 'hijack' }],
    ['GET', `/customers/${other.customerId}/licenses`, undefined],
    ['GET', `/customer_accounts/${other.customerAccountId}`, undefined],
    ['PATCH', `/customer_accounts/${other.customerAccountId}`, { name: 'hijack' }],
    ['GET', `/customer_accounts/${other.customerAccountId}/licenses`, undefined],
  ] as const;

describe('ledger isolation: nothing of one workspace is readable or writable from another', () => {
  for (const [from, to] of [
    ['default', 'ws-b'],
    ['ws-b', 'default'],
  ] as const) {
    it(`from ${from}: ${to}'s licenses, customers and accounts are not found and stay unchanged`, async () => {
      const other = seeded[to];
      for (const [method, path, body] of crossCases(other)) {
        const res = await stack.call(method, path, body, ws(from));
        expect(res.status, `${method} ${path}`).toBe(404);
      }
      const search = await stack.call('GET', `/customers?query=${other.email}`, undefined, ws(from));
      expect(search.body.data).toEqual([]);
      const accounts = await stack.call('GET', `/customer_accounts?query=Account`, undefined, ws(from));
      expect(JSON.stringify(accounts.body)).not.toContain(other.customerAccountId);

      const license = await stack.call('GET', `/licenses/${other.licenseId}`, undefined, ws(to));
      expect(license.body).toMatchObject({
        features: [{ code: 'export-pdf', max_consumption: null }],
        custom_fields: { support_tier: 'gold' },
      });
      expect(license.body.max_activations).not.toBe(9);
      const customer = await stack.call('GET', `/customers/${other.customerId}`, undefined, ws(to));
      expect(customer.body).toMatchObject({ id: other.customerId, name: null });
      const [account] = await stack.api.db
        .select()
        .from(schema.customerAccounts)
        .where(eq(schema.customerAccounts.id, other.customerAccountId));
      expect(account!.name).not.toBe('hijack');
    });

    it(`from ${from}: an order cannot name ${to}'s customer or account`, async () => {
      const other = seeded[to];
      const byId = await stack.call(
        'POST',
        '/orders',
        { customer: { id: other.customerId }, product: 'pro', quantity: 1 },
        ws(from),
      );
      expect(byId.status).toBe(422);
      expect(byId.body.fields).toHaveProperty(['customer.id']);
      const byAccount = await stack.call(
        'POST',
        '/orders',
        { customer: { account_id: other.customerAccountId }, product: 'pro', quantity: 1 },
        ws(from),
      );
      expect(byAccount.status).toBe(422);
      // The other workspace's email makes a customer of this workspace, never a license of theirs.
      const byEmail = await stack.call(
        'POST',
        '/orders',
        { customer: { email: other.email }, product: 'pro', quantity: 1 },
        ws(from),
      );
      expect(byEmail.status).toBe(201);
      expect(byEmail.body.customer_id).not.toBe(other.customerId);
      const theirs = await stack.api.db
        .select()
        .from(schema.orders)
        .where(eq(schema.orders.customerId, other.customerId));
      expect(theirs).toEqual([]);
    });
  }

  it('an Idempotency-Key used in one workspace is a fresh key in the other', async () => {
    const body = { customer: { email: 'same@example.com' }, product: 'pro', quantity: 1 };
    const h = { 'idempotency-key': 'order-shared-key' };
    const inB = await stack.call('POST', '/orders', body, { ...h, ...ws('ws-b') });
    expect(inB.status).toBe(201);
    const inDefault = await stack.call('POST', '/orders', body, { ...h, ...ws('default') });
    expect(inDefault.status).toBe(201);
    expect(inDefault.body.id).not.toBe(inB.body.id);
    expect(JSON.stringify(inDefault.body)).not.toContain(inB.body.licenses[0].key);
    const [order] = await stack.api.db
      .select()
      .from(schema.orders)
      .where(eq(schema.orders.id, inDefault.body.id));
    expect(order!.workspaceId).toBe(stack.api.workspaceId);
    // And each workspace replays its own answer.
    const again = await stack.call('POST', '/orders', body, { ...h, ...ws('ws-b') });
    expect(again).toMatchObject({ status: 200, body: { id: inB.body.id } });
  });

  it('settings: a change in one workspace leaves the other as it was', async () => {
    const before = await stack.call('GET', '/settings', undefined, ws('default'));
    const patched = await stack.call(
      'PATCH',
      '/settings',
      { disable_on_dispute: !before.body.disable_on_dispute, resync_cron: '17 3 * * *' },
      ws('ws-b'),
    );
    expect(patched.status).toBe(200);
    expect((await stack.call('GET', '/settings', undefined, ws('default'))).body).toEqual(before.body);
    const inB = await stack.call('GET', '/settings', undefined, ws('ws-b'));
    expect(inB.body).toMatchObject({
      disable_on_dispute: !before.body.disable_on_dispute,
      resync_cron: '17 3 * * *',
    });
  });
});
