import { saveStripeConnection } from '@licensync/core/connections';
import * as schema from '@licensync/core/schema';
import { createWorkspace } from '@licensync/core/workspaces';
import { createFakeStripe, type FakeStripe } from '@licensync/fakes/stripe';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardIdentity, dashboardCall, signDashboardUser } from './support/dashboard-call';
import { type SeededWorkspace, seedWorkspace } from './support/seed-workspace';
import { type ApiStack, startApi } from './support/start-api';

// The Stripe app's backend: requests signed as Stripe signs them, one account per workspace.
const SECRET = 'absec_test_licensync_app';
let stack: ApiStack;
let fake: FakeStripe;
let call: ReturnType<typeof dashboardCall>;
let a: SeededWorkspace;
let b: SeededWorkspace;
let workspaceB: string;
const alice: DashboardIdentity = { user_id: 'usr_alice', account_id: 'acct_A', mode: 'test' };
const bob: DashboardIdentity = { user_id: 'usr_bob', account_id: 'acct_B', mode: 'test' };
const extra: Record<string, string> = {};

beforeAll(async () => {
  fake = await createFakeStripe();
  stack = await startApi({
    STRIPE_APP_SECRET: SECRET,
    PUBLIC_URL: 'https://licensync.example.com',
    STRIPE_API_BASE: fake.url,
  });
  call = dashboardCall(stack.api.url, SECRET);
  const { db, workspaceId } = stack.api;
  workspaceB = (await createWorkspace(db, { slug: 'ws-b', name: 'B' })).id;
  a = await seedWorkspace(db, workspaceId, 'a');
  b = await seedWorkspace(db, workspaceB, 'b');
  await saveStripeConnection(db, workspaceId, { accountId: 'acct_A', livemode: false });
  await saveStripeConnection(db, workspaceB, { accountId: 'acct_B', livemode: false });
  await db
    .update(schema.customers)
    .set({ stripeCustomerId: 'cus_a' })
    .where(eq(schema.customers.id, a.customerId));
  await db
    .update(schema.customers)
    .set({ stripeCustomerId: 'cus_b' })
    .where(eq(schema.customers.id, b.customerId));
  const [pro] = await db
    .select()
    .from(schema.products)
    .where(and(eq(schema.products.workspaceId, workspaceId), eq(schema.products.shortCode, 'pro')));
  const base = {
    workspaceId,
    customerId: a.customerId,
    productId: pro!.id,
    licenseType: 'perpetual' as const,
  };
  const rows = await db
    .insert(schema.licenses)
    .values([
      // Bought at checkout with no payment intent (a free or fully discounted checkout).
      { ...base, sourceKey: 'cs:a:0', licenseKey: 'KEY-CS', stripeCheckoutSessionId: 'cs_test_a' },
      { ...base, sourceKey: 'in:a:0', licenseKey: 'KEY-IN', stripeInvoiceId: 'in_a' },
      {
        ...base,
        sourceKey: 'pi:a:0',
        licenseKey: 'KEY-PI',
        stripePaymentIntentId: 'pi_a',
        enabled: false,
        disabledReason: 'refunded',
      },
    ])
    .returning();
  for (const row of rows) extra[row.sourceKey] = row.id;
});
afterAll(async () => {
  await stack.close();
  await fake.close();
});

const licenseRow = async (id: string) =>
  (await stack.api.db.select().from(schema.licenses).where(eq(schema.licenses.id, id)))[0]!;
const changesOf = async (licenseId: string) => ({
  history: await stack.api.db
    .select()
    .from(schema.activityLog)
    .where(like(schema.activityLog.kind, 'license.%')),
  outbox: await stack.api.db
    .select()
    .from(schema.syncOutbox)
    .where(eq(schema.syncOutbox.objectId, licenseId)),
});

describe('signature', () => {
  const path = '/subscriptions/sub_a/licenses';

  it('a request signed for its user and account lists that account’s licenses', async () => {
    const res = await call(path, alice);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.body.data.map((l: { id: string }) => l.id)).toEqual([a.licenseId]);
  });

  it.each([
    ['no signature', null],
    ['another secret', signDashboardUser(alice, 'absec_someone_else')],
    [
      'a stale signature (an hour old)',
      signDashboardUser(alice, SECRET, Math.floor(Date.now() / 1000) - 3600),
    ],
    [
      'a signature dated a day ahead',
      signDashboardUser(alice, SECRET, Math.floor(Date.now() / 1000) + 86_400),
    ],
    ['a signature of another user', signDashboardUser({ ...alice, user_id: 'usr_mallory' }, SECRET)],
  ])('refuses %s with 401', async (_name, signature) => {
    const res = await call(path, alice, {}, { signature });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(/signature/i);
  });

  it('refuses a tampered payload: bob’s signature with alice’s account id', async () => {
    const res = await call(path, alice, {}, { signature: signDashboardUser(bob, SECRET) });
    expect(res.status).toBe(401);
  });

  it('a disable with a bad signature is refused and changes nothing', async () => {
    for (const signature of [
      null,
      signDashboardUser(alice, 'absec_someone_else'),
      signDashboardUser(bob, SECRET),
    ]) {
      const res = await call(`/licenses/${a.licenseId}/disable`, alice, {}, { signature });
      expect(res.status).toBe(401);
    }
    expect(await licenseRow(a.licenseId)).toMatchObject({ enabled: true, disabledReason: null });
    expect(await changesOf(a.licenseId)).toEqual({ history: [], outbox: [] });
  });

  it('refuses a body without the signed ids before reading anything', async () => {
    const res = await fetch(`${stack.api.url}/stripe-app${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signDashboardUser(alice, SECRET) },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });

  it('answers the CORS preflight a view’s fetch sends', async () => {
    const res = await fetch(`${stack.api.url}/stripe-app${path}`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('Stripe-Signature');
  });

  it('a signed account that no workspace is connected to gets a 404 that says how to connect it', async () => {
    const res = await call(path, { user_id: 'usr_x', account_id: 'acct_nobody' });
    expect(res.status).toBe(404);
    expect(res.body.error).toContain('acct_nobody');
    expect(res.body.error).toContain('/api/v1/connections/stripe');
  });
});

describe('another account’s objects', () => {
  it('another account’s subscription and customer are 404, and its license is 404 for every action', async () => {
    expect((await call('/subscriptions/sub_a/licenses', bob)).status).toBe(404);
    expect((await call('/customers/cus_a/licenses', bob)).status).toBe(404);
    for (const action of ['', '/enable', '/disable']) {
      const res = await call(`/licenses/${a.licenseId}${action}`, bob);
      expect(res.status, action).toBe(404);
    }
    const created = await call('/customers/cus_a/licenses/create', bob, { product: 'pro', quantity: 1 });
    expect(created.status).toBe(404);
  });

  it('nothing changed: the license is as seeded, with no history and nothing for HubSpot', async () => {
    const row = await licenseRow(a.licenseId);
    expect(row).toMatchObject({ enabled: true, disabledReason: null });
    const { history, outbox } = await changesOf(a.licenseId);
    expect(history).toEqual([]);
    expect(outbox).toEqual([]);
    const orders = await stack.api.db
      .select()
      .from(schema.orders)
      .where(eq(schema.orders.workspaceId, workspaceB));
    expect(orders).toEqual([]);
  });

  it('bob still sees his own', async () => {
    const res = await call('/subscriptions/sub_b/licenses', bob);
    expect(res.body.data.map((l: { id: string }) => l.id)).toEqual([b.licenseId]);
  });
});

describe('the licenses of each dashboard page', () => {
  it('a payment with none is an empty list; a refunded payment shows its disabled license with the reason', async () => {
    expect((await call('/payment_intents/pi_none/licenses', alice)).body).toEqual({
      data: [],
      has_more: false,
    });
    const res = await call('/payment_intents/pi_a/licenses', alice);
    expect(res.body.data).toMatchObject([
      { license_key: 'KEY-PI', enabled: false, disabled_reason: 'refunded' },
    ]);
  });

  it('licenses linked only to a checkout or an invoice are shown there', async () => {
    expect((await call('/checkout_sessions/cs_test_a/licenses', alice)).body.data).toMatchObject([
      { license_key: 'KEY-CS', stripe: { checkout_session: 'cs_test_a', payment_intent: null } },
    ]);
    expect((await call('/invoices/in_a/licenses', alice)).body.data).toMatchObject([
      { license_key: 'KEY-IN' },
    ]);
  });

  it('a customer’s page shows every license of the customer, wherever it came from', async () => {
    const res = await call('/customers/cus_a/licenses', alice);
    expect(res.body.data.map((l: { license_key: string }) => l.license_key).sort()).toEqual([
      'KEY-CS',
      'KEY-IN',
      'KEY-PI',
      'KEY-a',
    ]);
  });

  it('license info has every field, features, custom fields and the console link', async () => {
    const res = await call(`/licenses/${a.licenseId}`, alice);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: a.licenseId,
      license_key: 'KEY-a',
      product: 'pro',
      max_activations: 1,
      features: [],
      custom_fields: {},
      customer: { email: a.email },
      console_url: `https://licensync.example.com/console/licenses/${a.licenseId}?workspace=default`,
    });
    // The link names the license's workspace, so the console opens it there (not a 404 elsewhere).
    const other = await call(`/licenses/${b.licenseId}`, bob);
    expect(other.body.console_url).toBe(
      `https://licensync.example.com/console/licenses/${b.licenseId}?workspace=ws-b`,
    );
  });

  it.each([
    ['an unknown page kind', '/charges/ch_1/licenses', {}, 404],
    ['an id of the wrong kind', '/subscriptions/pi_1/licenses', {}, 400],
    ['a field the view never sends', '/subscriptions/sub_a/licenses', { x: 1 }, 400],
    ['a license id that is no uuid', '/licenses/KEY-a', {}, 404],
  ])('%s is a 4xx', async (_name, path, body, status) => {
    const res = await call(path, alice, body);
    expect(res.status).toBe(status);
  });
});

describe('enable, disable and create as the dashboard user', () => {
  it('disable then enable round-trips through the ledger, in the history by the user, and reaches the outbox', async () => {
    const off = await call(`/licenses/${a.licenseId}/disable`, alice, { reason: 'chargeback pending' });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, disabled_reason: 'chargeback pending' });
    const on = await call(`/licenses/${a.licenseId}/enable`, alice);
    expect(on.body).toMatchObject({ enabled: true, disabled_reason: null });
    expect(await licenseRow(a.licenseId)).toMatchObject({ enabled: true, disabledReason: null });
    const { history, outbox } = await changesOf(a.licenseId);
    expect(history.map((h) => [h.kind, h.actor, (h.detail as { client?: string }).client])).toEqual([
      ['license.disabled', 'stripe-user:usr_alice', 'stripe'],
      ['license.enabled', 'stripe-user:usr_alice', 'stripe'],
    ]);
    expect(outbox.map((o) => o.objectKind)).toEqual(['license']);
  });

  it('re-enables a license a refund disabled', async () => {
    const res = await call(`/licenses/${extra['pi:a:0']}/enable`, alice);
    expect(res.body).toMatchObject({ enabled: true, disabled_reason: null });
  });

  it('creates a license for a known Stripe customer with the ledger’s order, idempotently', async () => {
    const headers = { 'idempotency-key': 'create-1' };
    const body = { product: 'pro', quantity: 1 };
    const res = await call('/customers/cus_a/licenses/create', alice, body, { headers });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject([{ product: 'pro', customer: { id: a.customerId }, enabled: true }]);
    const again = await call('/customers/cus_a/licenses/create', alice, body, { headers });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    const [order] = await stack.api.db
      .select()
      .from(schema.orders)
      .where(eq(schema.orders.id, res.body.order_id));
    expect(order).toMatchObject({ sourceKind: 'stripe_app', customerId: a.customerId });
    const created = await stack.api.db
      .select()
      .from(schema.activityLog)
      .where(eq(schema.activityLog.kind, 'order.created'));
    expect(created.map((e) => e.actor)).toEqual(['stripe-user:usr_alice']);
    const { outbox } = await changesOf(res.body.data[0].id);
    expect(outbox).toHaveLength(1);
  });

  it('a Stripe customer the ledger does not know needs an email, then is created with its Stripe id', async () => {
    const cusNew = fake.sim.createCustomer({ email: 'new@example.com' }).customer.id;
    const refused = await call(`/customers/${cusNew}/licenses/create`, alice, {
      product: 'pro',
      quantity: 1,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.fields['customer.email']).toContain(cusNew);
    const res = await call(`/customers/${cusNew}/licenses/create`, alice, {
      product: 'pro',
      quantity: 2,
      email: 'New@Example.com',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toHaveLength(2);
    const listed = await call(`/customers/${cusNew}/licenses`, alice);
    expect(listed.body.data.map((l: { customer: { email: string } }) => l.customer.email)).toEqual([
      'new@example.com',
      'new@example.com',
    ]);
  });

  it('a cus_ id that is not a customer of the Stripe account is a 404, and nothing is written', async () => {
    const before = await stack.api.db.select().from(schema.orders);
    const customersBefore = await stack.api.db.select().from(schema.customers);
    const res = await call('/customers/cus_typo000000/licenses/create', alice, {
      product: 'pro',
      quantity: 1,
      email: 'typo@example.com',
    });
    expect(res.status).toBe(404);
    expect(res.body.error).toContain('cus_typo000000 not found in this Stripe account');
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/v1/customers/cus_typo000000')).toBe(
      true,
    );
    expect(await stack.api.db.select().from(schema.orders)).toHaveLength(before.length);
    expect(await stack.api.db.select().from(schema.customers)).toHaveLength(customersBefore.length);
  });

  it('an unknown product is a 422 naming it, and nothing is written', async () => {
    const before = await stack.api.db.select().from(schema.orders);
    const res = await call('/customers/cus_a/licenses/create', alice, { product: 'nope', quantity: 1 });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('nope');
    expect(await stack.api.db.select().from(schema.orders)).toHaveLength(before.length);
  });

  it('lists the products to create from', async () => {
    const res = await call('/products', alice);
    expect(res.body.data.map((p: { short_code: string }) => p.short_code)).toContain('pro');
  });
});

describe('setup problems an operator can act on', () => {
  it('the dashboard in live mode does not reach the test-mode workspace of the same account', async () => {
    const res = await call('/subscriptions/sub_a/licenses', { ...alice, mode: 'live' });
    expect(res.status).toBe(404);
    expect(res.body.error).toContain('acct_A in live mode');
  });

  it('without STRIPE_APP_SECRET every request is refused with 503 naming the variable', async () => {
    const bare = await startApi();
    try {
      const res = await dashboardCall(bare.api.url, SECRET)('/subscriptions/sub_a/licenses', alice);
      expect(res.status).toBe(503);
      expect(res.body.error).toContain('STRIPE_APP_SECRET');
    } finally {
      await bare.close();
    }
  });
});
