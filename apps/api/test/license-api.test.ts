import { createPublicKey, verify } from 'node:crypto';
import { setLicenseUserPassword } from '@licensync/core/license-users';
import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LicenseAnswer, licenseCall, signatureHolds } from './support/license-call';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;
let lic: ReturnType<typeof licenseCall>;
let publicKeyPem: string;

const catalog = {
  products: [
    {
      short_code: 'app',
      name: 'App',
      authorization_method: 'license-key',
      features: [{ code: 'export', name: 'Export' }],
      custom_fields: [{ name: 'tier', default_value: 'gold' }],
      policies: [
        {
          code: 'perp',
          name: 'Perpetual',
          license_type: 'perpetual',
          is_default: true,
          max_activations: 2,
          maintenance_enabled: true,
          maintenance_duration: '1y',
          features: ['export'],
        },
        { code: 'sub', name: 'Monthly', license_type: 'subscription' },
        {
          code: 'float',
          name: 'Floating',
          license_type: 'perpetual',
          max_activations: 20,
          floating_cloud: 2,
        },
        { code: 'race', name: 'Race', license_type: 'perpetual', max_activations: 20, floating_cloud: 10 },
        {
          code: 'meter',
          name: 'Metered',
          license_type: 'consumption',
          max_consumptions: 10,
          allow_overages: true,
          max_overages: 5,
        },
        { code: 'strict', name: 'Strict meter', license_type: 'consumption', max_consumptions: 10 },
      ],
    },
    {
      short_code: 'other',
      name: 'Other',
      authorization_method: 'license-key',
      policies: [{ code: 'perp', name: 'Perpetual', license_type: 'perpetual', is_default: true }],
    },
    {
      short_code: 'team',
      name: 'Team',
      authorization_method: 'user',
      policies: [
        {
          code: 'perp',
          name: 'Perpetual',
          license_type: 'perpetual',
          is_default: true,
          max_license_users: 2,
          max_activations: 3,
        },
      ],
    },
  ],
};

async function order(product: string, policy?: string, email = 'buyer@example.com') {
  const res = await stack.call('POST', '/orders', {
    customer: { email },
    product,
    ...(policy && { policy }),
    quantity: 1,
  });
  expect(res.status).toBe(201);
  const license = res.body.licenses[0];
  return { id: license.id as string, key: license.key as string | null };
}
const call = (path: string, body: Record<string, unknown>) => lic(path, { product: 'app', ...body });
const license = async (id: string) =>
  (await stack.api.db.select().from(schema.licenses).where(eq(schema.licenses.id, id)))[0]!;
const historyKinds = async (id: string) =>
  (await stack.call('GET', `/history?license_id=${id}`)).body.data.map((e: { kind: string }) => e.kind);
const withoutClock = (a: LicenseAnswer) => ({
  status: a.status,
  body: { ...a.body, server_time: undefined },
});

beforeAll(async () => {
  stack = await startApi({ LICENSE_API_RATE_PER_KEY: '100000', LICENSE_API_RATE_PER_IP: '100000' });
  lic = licenseCall(stack.api.url);
  expect((await stack.call('POST', '/catalog/import', catalog)).status).toBe(200);
  const res = await fetch(`${stack.api.url}/license/v1/products/app/public-key`);
  expect(res.status).toBe(200);
  publicKeyPem = await res.text();
});
afterAll(() => stack.close());

describe('POST /license/v1/activate', () => {
  it('activates a machine, signed, once however often it is asked; history and HubSpot hear of it', async () => {
    const { id, key } = await order('app');
    await stack.api.db.update(schema.syncOutbox).set({ status: 'done' });
    const first = await call('activate', {
      license_key: key,
      hardware_id: 'hw-a',
      app_version: '1.0',
      os: 'linux',
      nonce: 'n-1',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      ok: true,
      created: true,
      nonce: 'n-1',
      activation: { hardware_id: 'hw-a' },
      license: {
        id,
        enabled: true,
        max_activations: 2,
        activations_in_use: 1,
        features: [{ code: 'export' }],
        custom_fields: { tier: 'gold' },
      },
    });
    expect(signatureHolds(first, publicKeyPem)).toBe(true);
    const again = await call('activate', { license_key: key, hardware_id: 'hw-a', app_version: '1.1' });
    expect(again.body).toMatchObject({
      created: false,
      activation: { id: first.body.activation.id },
      license: { activations_in_use: 1 },
    });
    expect((await license(id)).activationsInUse).toBe(1);
    expect((await historyKinds(id)).filter((k: string) => k === 'license.activated')).toHaveLength(1);
    const intents = await stack.api.db
      .select()
      .from(schema.syncOutbox)
      .where(and(eq(schema.syncOutbox.objectId, id), eq(schema.syncOutbox.status, 'pending')));
    expect(intents).toHaveLength(1);
  });

  it('refuses a machine past max_activations, and a deactivated seat frees an activation', async () => {
    const { id, key } = await order('app');
    for (const hw of ['m1', 'm2'])
      expect((await call('activate', { license_key: key, hardware_id: hw })).status).toBe(200);
    const third = await call('activate', { license_key: key, hardware_id: 'm3' });
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({
      ok: false,
      reason: 'activations_exhausted',
      detail: { max_activations: 2 },
    });
    expect(signatureHolds(third, publicKeyPem)).toBe(true);

    const off = await call('deactivate', { license_key: key, hardware_id: 'm1' });
    expect(off.body).toMatchObject({ ok: true, deactivated: true });
    expect((await call('deactivate', { license_key: key, hardware_id: 'm1' })).body).toMatchObject({
      ok: true,
      deactivated: false,
    });
    expect((await call('activate', { license_key: key, hardware_id: 'm3' })).status).toBe(200);
    expect((await license(id)).activationsInUse).toBe(2);
    expect(await historyKinds(id)).toEqual(
      expect.arrayContaining(['license.activated', 'license.deactivated']),
    );
  });

  it('answers an unknown key exactly as a key of another product (no enumeration)', async () => {
    const other = await order('other');
    const unknown = await call('activate', { license_key: 'NOPE-NOPE-NOPE', hardware_id: 'hw', nonce: 'x' });
    const foreign = await call('activate', { license_key: other.key, hardware_id: 'hw', nonce: 'x' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.reason).toBe('invalid_credentials');
    expect(withoutClock(foreign)).toEqual(withoutClock(unknown));
  });

  it('refuses a disabled license with its reason', async () => {
    const { id, key } = await order('app');
    await stack.api.db
      .update(schema.licenses)
      .set({ enabled: false, disabledReason: 'refunded' })
      .where(eq(schema.licenses.id, id));
    const res = await call('activate', { license_key: key, hardware_id: 'hw' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ reason: 'license_disabled', detail: { disabled_reason: 'refunded' } });
  });

  it('refuses a subscription license past valid_until', async () => {
    const { id, key } = await order('app', 'sub');
    await stack.api.db
      .update(schema.licenses)
      .set({ validUntil: new Date(Date.now() - 60_000) })
      .where(eq(schema.licenses.id, id));
    const res = await call('activate', { license_key: key, hardware_id: 'hw' });
    expect(res.status).toBe(403);
    expect(res.body.reason).toBe('license_expired');
  });

  it('refuses an app version the vendor released after maintenance ended, and takes older ones', async () => {
    const { id, key } = await order('app');
    const maintenanceUntil = new Date(Date.now() - 86_400_000);
    await stack.api.db.update(schema.licenses).set({ maintenanceUntil }).where(eq(schema.licenses.id, id));
    const { productId, workspaceId } = await license(id);
    const later = new Date(maintenanceUntil.getTime() + 3_600_000);
    await stack.api.db.insert(schema.productVersions).values([
      { workspaceId, productId, version: '9.0', releasedAt: later },
      { workspaceId, productId, version: '1.0', releasedAt: new Date('2020-01-01T00:00:00Z') },
    ]);
    const res = await call('activate', { license_key: key, hardware_id: 'hw', app_version: '9.0' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      reason: 'maintenance_expired',
      detail: { app_released_at: later.toISOString() },
    });
    // The vendor's declared date wins over what the app claims.
    const claims = await call('activate', {
      license_key: key,
      hardware_id: 'hw',
      app_version: '9.0',
      app_released_at: '2020-01-01T00:00:00Z',
    });
    expect(claims.body.reason).toBe('maintenance_expired');
    const undeclared = await call('activate', {
      license_key: key,
      hardware_id: 'hw',
      app_version: '9.1',
      app_released_at: later.toISOString(),
    });
    expect(undeclared.body.reason).toBe('maintenance_expired');
    expect((await call('activate', { license_key: key, hardware_id: 'hw', app_version: '1.0' })).status).toBe(
      200,
    );
  });
});

describe('user licenses', () => {
  let team: { id: string };
  beforeAll(async () => {
    team = await order('team', undefined, 'manager@example.com');
    await stack.api.db
      .update(schema.licenseUsers)
      .set({ isManager: true })
      .where(eq(schema.licenseUsers.licenseId, team.id));
    await setLicenseUserPassword(stack.api.db, {
      workspaceId: stack.api.workspaceId,
      licenseId: team.id,
      email: 'manager@example.com',
      password: 'manager-secret',
      actor: 'test',
    });
  });
  const teamCall = (path: string, body: Record<string, unknown>) => lic(path, { product: 'team', ...body });

  it('activates with email and password instead of a key; a wrong password is invalid_credentials', async () => {
    const ok = await teamCall('activate', {
      email: 'Manager@example.com',
      password: 'manager-secret',
      hardware_id: 'u1',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.license.id).toBe(team.id);
    const bad = await teamCall('activate', {
      email: 'manager@example.com',
      password: 'wrong-secret',
      hardware_id: 'u1',
    });
    expect(bad.status).toBe(401);
    expect(bad.body.reason).toBe('invalid_credentials');
    const nobody = await teamCall('activate', {
      email: 'nobody@example.com',
      password: 'wrong-secret',
      hardware_id: 'u1',
    });
    expect({ ...nobody.body, server_time: 0 }).toEqual({ ...bad.body, server_time: 0 });
  });

  it('tells a signed-in user their license is for another product (wrong_product)', async () => {
    const res = await call('activate', {
      email: 'manager@example.com',
      password: 'manager-secret',
      hardware_id: 'u1',
    });
    expect(res.status).toBe(403);
    expect(res.body.reason).toBe('wrong_product');
    const guess = await call('activate', {
      email: 'manager@example.com',
      password: 'guess-guess',
      hardware_id: 'u1',
    });
    expect(guess.body.reason).toBe('invalid_credentials');
  });

  it('lets the license manager list, add (up to max_license_users) and remove users; nobody else', async () => {
    const manager = { email: 'manager@example.com', password: 'manager-secret' };
    const added = await teamCall('users/add', { ...manager, user_email: 'dev@example.com' });
    expect(added.body).toMatchObject({ ok: true, added: true });
    expect((await teamCall('users/add', { ...manager, user_email: 'dev@example.com' })).body.added).toBe(
      false,
    );
    const full = await teamCall('users/add', { ...manager, user_email: 'third@example.com' });
    expect(full.status).toBe(409);
    expect(full.body.reason).toBe('license_users_full');
    const listed = await teamCall('users/list', manager);
    expect(listed.body.users).toEqual([
      { email: 'dev@example.com', is_manager: false, password_set: false },
      { email: 'manager@example.com', is_manager: true, password_set: true },
    ]);

    await setLicenseUserPassword(stack.api.db, {
      workspaceId: stack.api.workspaceId,
      licenseId: team.id,
      email: 'dev@example.com',
      password: 'dev-secret-1',
      actor: 'test',
    });
    const dev = { email: 'dev@example.com', password: 'dev-secret-1' };
    expect((await teamCall('activate', { ...dev, hardware_id: 'dev-box' })).status).toBe(200);
    const notManager = await teamCall('users/remove', { ...dev, user_email: 'manager@example.com' });
    expect(notManager.status).toBe(403);
    expect(notManager.body.reason).toBe('not_license_manager');

    const removed = await teamCall('users/remove', { ...manager, user_email: 'dev@example.com' });
    expect(removed.body).toMatchObject({ ok: true, removed: true, machines_freed: 1 });
    expect((await teamCall('check', { ...dev, hardware_id: 'dev-box' })).body.reason).toBe(
      'invalid_credentials',
    );
    expect(await historyKinds(team.id)).toEqual(
      expect.arrayContaining(['license.user_added', 'license.user_removed']),
    );
  });
});

describe('POST /license/v1/check', () => {
  it('answers the state and records the last check behind, one HubSpot update however many checks', async () => {
    const { id, key } = await order('app');
    expect((await call('activate', { license_key: key, hardware_id: 'c1' })).status).toBe(200);
    await stack.api.lastChecks.flush();
    await stack.api.db.update(schema.syncOutbox).set({ status: 'done' });
    const before = new Date();
    for (let i = 0; i < 25; i++) {
      const res = await call('check', { license_key: key, hardware_id: 'c1' });
      expect(res.status).toBe(200);
    }
    const res = await call('check', { license_key: key, hardware_id: 'c1' });
    expect(signatureHolds(res, publicKeyPem)).toBe(true);
    expect(res.body.license).toMatchObject({
      id,
      enabled: true,
      valid_until: null,
      features: [{ code: 'export', max_consumption: null }],
      custom_fields: { tier: 'gold' },
      consumption: { total: 0 },
      floating_in_use: 0,
    });
    await stack.api.lastChecks.flush();
    for (let i = 0; i < 5; i++) await call('check', { license_key: key, hardware_id: 'c1' });
    await stack.api.lastChecks.flush();

    const [activation] = await stack.api.db
      .select()
      .from(schema.licenseActivations)
      .where(eq(schema.licenseActivations.licenseId, id));
    expect(activation!.lastCheckAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 5);
    expect((await license(id)).lastCheckAt).toBeInstanceOf(Date);
    const intents = await stack.api.db
      .select()
      .from(schema.syncOutbox)
      .where(eq(schema.syncOutbox.objectId, id));
    expect(intents.filter((i) => i.status === 'pending')).toHaveLength(1);
  });

  it('refuses a machine that is not activated, and a disabled license with its state', async () => {
    const { id, key } = await order('app');
    const none = await call('check', { license_key: key, hardware_id: 'never' });
    expect(none.status).toBe(403);
    expect(none.body.reason).toBe('not_activated');
    await call('activate', { license_key: key, hardware_id: 'c2' });
    await stack.api.db
      .update(schema.licenses)
      .set({ enabled: false, disabledReason: 'operator' })
      .where(eq(schema.licenses.id, id));
    const disabled = await call('check', { license_key: key, hardware_id: 'c2' });
    expect(disabled.status).toBe(403);
    expect(disabled.body).toMatchObject({
      reason: 'license_disabled',
      license: { id, enabled: false, disabled_reason: 'operator' },
    });
  });
});

describe('floating seats', () => {
  it('lends seats up to floating_cloud, renews, releases, and an expired lease frees itself', async () => {
    const { id, key } = await order('app', 'float');
    const borrow = (hw: string) => call('floating/borrow', { license_key: key, hardware_id: hw });
    const first = await borrow('f1');
    expect(first.status).toBe(200);
    expect(first.body.lease).toMatchObject({ hardware_id: 'f1', floating_cloud: 2, floating_in_use: 1 });
    expect(new Date(first.body.lease.expires_at).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect((await borrow('f2')).status).toBe(200);
    const full = await borrow('f3');
    expect(full.status).toBe(409);
    expect(full.body.reason).toBe('floating_seats_full');
    expect((await borrow('f1')).status).toBe(200);

    const beat = await call('floating/heartbeat', { license_key: key, hardware_id: 'f2' });
    expect(beat.body.lease).toMatchObject({ hardware_id: 'f2', floating_in_use: 2 });
    expect((await call('floating/release', { license_key: key, hardware_id: 'f2' })).body.released).toBe(
      true,
    );
    expect((await call('floating/release', { license_key: key, hardware_id: 'f2' })).body.released).toBe(
      false,
    );
    expect((await borrow('f3')).status).toBe(200);

    await stack.api.db
      .update(schema.floatingLeases)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(schema.floatingLeases.licenseId, id), eq(schema.floatingLeases.hardwareId, 'f1')));
    const stale = await call('floating/heartbeat', { license_key: key, hardware_id: 'f1' });
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe('lease_expired');
    expect((await borrow('f4')).body.lease.floating_in_use).toBe(2);
  });

  it('refuses a license that is not floating', async () => {
    const { key } = await order('app');
    const res = await call('floating/borrow', { license_key: key, hardware_id: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.reason).toBe('not_floating');
  });

  it('lets exactly N of N+1 racing borrows through', async () => {
    const { id, key } = await order('app', 'race');
    const answers = await Promise.all(
      Array.from({ length: 11 }, (_, i) =>
        call('floating/borrow', { license_key: key, hardware_id: `r${i}` }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    expect(answers.filter((a) => a.body.reason === 'floating_seats_full')).toHaveLength(1);
    const leases = await stack.api.db
      .select()
      .from(schema.floatingLeases)
      .where(eq(schema.floatingLeases.licenseId, id));
    expect(leases).toHaveLength(10);
  });
});

describe('POST /license/v1/consumption', () => {
  it('adds and answers the total, past max_consumptions only by the allowed overages', async () => {
    const { id, key } = await order('app', 'meter');
    const use = (amount: number) => call('consumption', { license_key: key, hardware_id: 'x', amount });
    expect((await use(8)).body.consumption).toEqual({ total: 8, overage: 0, max_consumptions: 10 });
    expect((await use(7)).body.consumption).toEqual({ total: 15, overage: 5, max_consumptions: 10 });
    const over = await use(1);
    expect(over.status).toBe(403);
    expect(over.body).toMatchObject({
      reason: 'consumption_exceeded',
      detail: { total: 15, max_overages: 5 },
    });
    expect((await license(id)).consumptionTotal).toBe(15);
  });

  it('refuses past max_consumptions without overages, and on a license of another type', async () => {
    const strict = await order('app', 'strict');
    expect(
      (await call('consumption', { license_key: strict.key, hardware_id: 'x', amount: 10 })).status,
    ).toBe(200);
    expect(
      (await call('consumption', { license_key: strict.key, hardware_id: 'x', amount: 1 })).body.reason,
    ).toBe('consumption_exceeded');
    const perp = await order('app');
    const res = await call('consumption', { license_key: perp.key, hardware_id: 'x', amount: 1 });
    expect(res.status).toBe(403);
    expect(res.body.reason).toBe('not_consumption');
  });
});

describe('POST /license/v1/offline', () => {
  it('issues a file that node:crypto verifies with the public key alone, and a tampered one fails', async () => {
    const { id, key } = await order('app');
    const res = await call('offline', { license_key: key, hardware_id: 'air-gapped' });
    expect(res.status).toBe(200);
    const file = res.body.license_file;
    expect(file).toMatchObject({ format: 'licensync-offline-license/1', key_id: expect.any(String) });

    const publicKey = createPublicKey(publicKeyPem);
    const bytes = Buffer.from(file.payload, 'base64url');
    expect(verify(null, bytes, publicKey, Buffer.from(file.signature, 'base64url'))).toBe(true);
    const payload = JSON.parse(bytes.toString('utf8'));
    expect(payload).toMatchObject({ hardware_id: 'air-gapped', license: { id, enabled: true } });

    const forged = Buffer.from(JSON.stringify({ ...payload, hardware_id: 'another-machine' }), 'utf8');
    expect(verify(null, forged, publicKey, Buffer.from(file.signature, 'base64url'))).toBe(false);
    expect((await license(id)).activationsInUse).toBe(1);
  });

  it('serves the public key as a PEM naming its key id; another product has another key', async () => {
    const res = await fetch(`${stack.api.url}/license/v1/products/app/public-key`);
    expect(res.headers.get('licensync-key-id')).toMatch(/^[0-9a-f]{16}$/);
    const other = await (await fetch(`${stack.api.url}/license/v1/products/other/public-key`)).text();
    expect(other).toMatch(/BEGIN PUBLIC KEY/);
    expect(other).not.toBe(publicKeyPem);
    const [stored] = await stack.api.db.select().from(schema.productSigningKeys).limit(1);
    expect(stored!.privateKeySealed).toMatch(/^enc:v1:/);
    expect((await fetch(`${stack.api.url}/license/v1/products/nope/public-key`)).status).toBe(404);
  });
});

describe('bad input is a clear 4xx, never a 5xx', () => {
  it.each([
    ['no credentials', { product: 'app', hardware_id: 'x' }, 400, 'invalid_request'],
    [
      'a key and a login at once',
      { product: 'app', hardware_id: 'x', license_key: 'k', email: 'a@b.co', password: 'p' },
      400,
      'invalid_request',
    ],
    ['no hardware id', { product: 'app', license_key: 'k' }, 400, 'invalid_request'],
    [
      'an unknown field',
      { product: 'app', license_key: 'k', hardware_id: 'x', admin: true },
      400,
      'invalid_request',
    ],
    [
      'a NUL in the key',
      { product: 'app', license_key: 'k\u0000', hardware_id: 'x' },
      400,
      'invalid_request',
    ],
    ['an unknown product', { product: 'nope', license_key: 'k', hardware_id: 'x' }, 404, 'unknown_product'],
    ['malformed JSON', '{"product":', 400, 'invalid_request'],
    [
      'a body over 8 kB',
      { product: 'app', license_key: 'k', hardware_id: 'x'.repeat(9000) },
      413,
      'body_too_large',
    ],
  ])('%s', async (_case, body, status, reason) => {
    const res = await lic('activate', body);
    expect(res.status).toBe(status);
    expect(res.body.reason).toBe(reason);
  });

  it('refuses a negative or fractional amount', async () => {
    for (const amount of [-1, 0, 1.5, '3']) {
      const res = await lic('consumption', { product: 'app', license_key: 'k', hardware_id: 'x', amount });
      expect(res.status).toBe(400);
    }
  });
});

describe('admin: machines and app versions', () => {
  it("lists a license's machines and frees one as an operator, recorded with the actor", async () => {
    const { id, key } = await order('app');
    await call('activate', { license_key: key, hardware_id: 'op-1', app_version: '1.0', os: 'mac' });
    const listed = await stack.call('GET', `/licenses/${id}/activations`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ hardware_id: 'op-1', app_version: '1.0', os: 'mac', deactivated_at: null }),
    ]);
    const activationId = listed.body.data[0].id;
    const freed = await stack.call('POST', `/licenses/${id}/activations/${activationId}/deactivate`);
    expect(freed.body).toMatchObject({
      deactivated: true,
      activation: { deactivated_at: expect.any(String) },
    });
    expect(
      (await stack.call('POST', `/licenses/${id}/activations/${activationId}/deactivate`)).body.deactivated,
    ).toBe(false);
    expect((await stack.call('GET', `/licenses/${id}`)).body).toMatchObject({ activations_in_use: 0 });
    const [entry] = await stack.api.db
      .select()
      .from(schema.activityLog)
      .where(
        and(eq(schema.activityLog.kind, 'license.deactivated'), eq(schema.activityLog.actor, 'admin-token')),
      );
    expect(entry?.subjects).toContain(`license:${id}`);
    expect((await stack.call('POST', `/licenses/${id}/activations/${id}/deactivate`)).status).toBe(404);
    expect((await stack.call('GET', '/licenses/not-a-license/activations')).status).toBe(404);
  });

  it('declares app versions, which maintenance is then enforced against', async () => {
    const put = await stack.call('PUT', '/products/app/versions/7.0', {
      released_at: '2020-02-01T00:00:00Z',
    });
    expect(put.body).toEqual({ version: '7.0', released_at: '2020-02-01T00:00:00.000Z' });
    expect((await stack.call('PUT', '/products/app/versions/7.0', { released_at: 'soon' })).status).toBe(400);
    expect(
      (await stack.call('PUT', '/products/nope/versions/7.0', { released_at: '2020-02-01T00:00:00Z' }))
        .status,
    ).toBe(404);
    const listed = await stack.call('GET', '/products/app/versions');
    expect(listed.body.data).toEqual(
      expect.arrayContaining([{ version: '7.0', released_at: '2020-02-01T00:00:00.000Z' }]),
    );
    const { id, key } = await order('app');
    await stack.api.db
      .update(schema.licenses)
      .set({ maintenanceUntil: new Date('2020-01-01T00:00:00Z') })
      .where(eq(schema.licenses.id, id));
    const res = await call('activate', { license_key: key, hardware_id: 'v', app_version: '7.0' });
    expect(res.body.reason).toBe('maintenance_expired');
  });
});
