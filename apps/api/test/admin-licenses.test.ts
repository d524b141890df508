import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;
let workspaceId: string;
/** Seeded license ids, newest first (the order the API lists them in). */
let newestFirst: string[];
let proLicense: string;
let teamLicense: string;

const ids = (body: { data: { id: string }[] }) => body.data.map((l) => l.id);

beforeAll(async () => {
  stack = await startApi();
  const policy = { code: 'default', name: 'Default', license_type: 'subscription' };
  await stack.call('POST', '/catalog/import', {
    products: [
      { short_code: 'pro', name: 'Pro', authorization_method: 'license-key', policies: [policy] },
      { short_code: 'team', name: 'Team', authorization_method: 'user', policies: [policy] },
    ],
  });
  const { db } = stack.api;
  const [ws] = await db.select().from(schema.workspaces);
  workspaceId = ws!.id;
  const products = await db.select().from(schema.products);
  const policies = await db.select().from(schema.licensePolicies);
  const productOf = (code: string) => products.find((p) => p.shortCode === code)!;
  const [alice, bob] = await db
    .insert(schema.customers)
    .values([
      { workspaceId, email: 'alice@example.com' },
      { workspaceId, email: 'bob@example.com' },
    ])
    .returning();
  // 15 pro licenses for alice (5 on sub_1), 10 team licenses for bob (3 on pi_1, 2 disabled).
  // Pairs share a created_at so the id tiebreak of the cursor is exercised.
  const base = Date.parse('2026-01-01T00:00:00Z');
  const rows = Array.from({ length: 25 }, (_, i) => {
    const product = productOf(i < 15 ? 'pro' : 'team');
    return {
      workspaceId,
      sourceKey: `seed:${i}`,
      customerId: i < 15 ? alice!.id : bob!.id,
      productId: product.id,
      policyId: policies.find((p) => p.productId === product.id)!.id,
      licenseKey: i < 15 ? `SEED-KEY-${String(i).padStart(4, '0')}` : null,
      licenseType: 'subscription' as const,
      stripeSubscriptionId: i < 5 ? 'sub_1' : null,
      stripePaymentIntentId: i >= 15 && i < 18 ? 'pi_1' : null,
      stripePriceId: 'price_1',
      enabled: !(i >= 20 && i < 22),
      disabledReason: i >= 20 && i < 22 ? 'refunded' : null,
      createdAt: new Date(base + Math.floor(i / 2) * 1000),
    };
  });
  const licenses = await db.insert(schema.licenses).values(rows).returning();
  newestFirst = [...licenses]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id > a.id ? 1 : -1))
    .map((l) => l.id);
  proLicense = licenses[0]!.id;
  teamLicense = licenses[15]!.id;
  await db
    .insert(schema.licenseFeatures)
    .values({ workspaceId, licenseId: proLicense, code: 'export', maxConsumption: null });
  await db
    .insert(schema.licenseCustomFields)
    .values({ workspaceId, licenseId: proLicense, name: 'tier', value: 'gold' });
  await db
    .insert(schema.licenseUsers)
    .values({ workspaceId, licenseId: teamLicense, email: 'carol@example.com', isManager: true });
});
afterAll(() => stack.close());

const pendingIntents = (licenseId: string) =>
  stack.api.db
    .select()
    .from(schema.syncOutbox)
    .where(and(eq(schema.syncOutbox.objectId, licenseId), eq(schema.syncOutbox.status, 'pending')));

describe('GET /api/v1/licenses', () => {
  it('needs the admin token', async () => {
    expect((await fetch(`${stack.api.url}/api/v1/licenses`)).status).toBe(401);
  });

  it('pages newest first with starting_after, without gaps or repeats', async () => {
    const first = await stack.call('GET', '/licenses');
    expect(first.body.data).toHaveLength(20);
    expect(first.body.has_more).toBe(true);
    const second = await stack.call('GET', `/licenses?starting_after=${first.body.data[19].id}`);
    expect(second.body).toMatchObject({ has_more: false });
    expect([...ids(first.body), ...ids(second.body)]).toEqual(newestFirst);

    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const { body } = await stack.call('GET', `/licenses?limit=7${cursor}`);
      seen.push(...ids(body));
      if (!body.has_more) break;
      cursor = `&starting_after=${seen.at(-1)}`;
    }
    expect(seen).toEqual(newestFirst);
  });

  it.each([
    ['customer_email=ALICE@example.com', 15],
    ['stripe_subscription_id=sub_1', 5],
    ['stripe_payment_intent_id=pi_1', 3],
    ['status=disabled', 2],
    ['product=team', 10],
    ['product=team&status=enabled', 8],
    ['customer_email=nobody@example.com', 0],
  ])('filters by %s', async (query, count) => {
    const { status, body } = await stack.call('GET', `/licenses?limit=100&${query}`);
    expect(status).toBe(200);
    expect(body.data).toHaveLength(count);
  });

  it.each([
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['status=paused', 'status'],
    ['starting_after=00000000-0000-4000-8000-000000000000', 'starting_after'],
    ['starting_after=nope', 'starting_after'],
    ['colour=red', 'colour'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await stack.call('GET', `/licenses?${query}`);
    expect(status).toBe(400);
    expect(Object.keys(body.fields)).toEqual([field]);
  });
});

describe('GET /api/v1/licenses/{id}', () => {
  it('answers a license with its product, customer, features, custom fields and users', async () => {
    const pro = await stack.call('GET', `/licenses/${proLicense}`);
    expect(pro.body).toMatchObject({
      id: proLicense,
      license_key: 'SEED-KEY-0000',
      product: 'pro',
      policy: 'default',
      license_type: 'subscription',
      enabled: true,
      customer: { email: 'alice@example.com' },
      stripe: { subscription: 'sub_1', price: 'price_1', payment_intent: null },
      features: [{ code: 'export', max_consumption: null }],
      custom_fields: { tier: 'gold' },
      users: [],
    });
    const team = await stack.call('GET', `/licenses/${teamLicense}`);
    expect(team.body).toMatchObject({
      product: 'team',
      license_key: null,
      users: [{ email: 'carol@example.com', is_manager: true }],
    });
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await stack.call('GET', '/licenses/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await stack.call('GET', '/licenses/not-a-uuid')).status).toBe(404);
    expect((await stack.call('POST', '/licenses/not-a-uuid/disable')).status).toBe(404);
  });
});

describe('license state changes', () => {
  it('disables with a reason and enables again, each with a pending sync intent', async () => {
    const id = newestFirst[0]!;
    expect(await pendingIntents(id)).toHaveLength(0);
    const disabled = await stack.call('POST', `/licenses/${id}/disable`, { reason: 'chargeback' });
    expect(disabled.body).toMatchObject({ enabled: false, disabled_reason: 'chargeback' });
    expect(await pendingIntents(id)).toHaveLength(1);

    await stack.api.db
      .update(schema.syncOutbox)
      .set({ status: 'done' })
      .where(eq(schema.syncOutbox.objectId, id));
    const enabled = await stack.call('POST', `/licenses/${id}/enable`);
    expect(enabled.body).toMatchObject({ enabled: true, disabled_reason: null });
    expect(await pendingIntents(id)).toHaveLength(1);

    // Asking for the state it already has changes nothing and enqueues nothing.
    await stack.api.db
      .update(schema.syncOutbox)
      .set({ status: 'done' })
      .where(eq(schema.syncOutbox.objectId, id));
    expect((await stack.call('POST', `/licenses/${id}/enable`)).status).toBe(200);
    expect(await pendingIntents(id)).toHaveLength(0);
  });

  it('refuses an unknown field in the disable body', async () => {
    const res = await stack.call('POST', `/licenses/${newestFirst[1]}/disable`, { why: 'x' });
    expect(res).toEqual({
      status: 400,
      body: { error: 'invalid request', fields: { why: 'unknown field' } },
    });
  });

  it('reissues the key of a license-key license, and refuses a user license', async () => {
    const res = await stack.call('POST', `/licenses/${proLicense}/reissue_key`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(proLicense);
    expect(res.body.license_key).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(res.body.license_key).not.toBe('SEED-KEY-0000');
    expect((await stack.call('GET', `/licenses/${proLicense}`)).body.license_key).toBe(res.body.license_key);
    expect(await pendingIntents(proLicense)).toHaveLength(1);

    // The history keeps the operator's actions, and the old key still finds its license.
    await stack.call('POST', `/licenses/${proLicense}/disable`, { reason: 'chargeback' });
    const history = await stack.call('GET', `/history?license_key=SEED-KEY-0000`);
    expect(history.status).toBe(200);
    const kinds = history.body.data.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['license.key_reissued', 'license.disabled']));

    const team = await stack.call('POST', `/licenses/${teamLicense}/reissue_key`);
    expect(team.status).toBe(400);
    expect(Object.keys(team.body.fields)).toEqual(['license']);
    expect((await stack.call('GET', `/licenses/${teamLicense}`)).body.license_key).toBeNull();
  });
});
