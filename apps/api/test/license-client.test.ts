import { execFile } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { issuePasswordSetToken } from '@licensync/core/deliveries';
import * as schema from '@licensync/core/schema';
import {
  createLicenseClient,
  ForgedAnswerError,
  fetchProductPublicKey,
  fileCheckStore,
  type LicenseClientOptions,
  LicenseRefusedError,
  LicenseUnreachableError,
  verifyOfflineLicenseFile,
} from '@licensync/license-client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

// The vendor-side client library against the live license API (api on an isolated database).
let stack: ApiStack;
let publicKeyPem: string;
const DAY = 86_400_000;

const catalog = {
  products: [
    {
      short_code: 'app',
      name: 'App',
      authorization_method: 'license-key',
      features: [{ code: 'export', name: 'Export' }],
      policies: [
        {
          code: 'perp',
          name: 'Perpetual',
          license_type: 'perpetual',
          is_default: true,
          max_activations: 2,
          features: ['export'],
        },
        {
          code: 'float',
          name: 'Floating',
          license_type: 'perpetual',
          max_activations: 20,
          floating_cloud: 2,
        },
        { code: 'meter', name: 'Metered', license_type: 'consumption', max_consumptions: 10 },
      ],
    },
    {
      short_code: 'team',
      name: 'Team',
      authorization_method: 'user',
      policies: [
        { code: 'perp', name: 'Perpetual', license_type: 'perpetual', is_default: true, max_activations: 3 },
      ],
    },
  ],
};

async function order(product: string, policy?: string, email = 'buyer@example.com') {
  const res = await stack.call('POST', '/orders', {
    customer: { email, first_name: 'Buyer' },
    product,
    ...(policy && { policy }),
    quantity: 1,
  });
  expect(res.status).toBe(201);
  return { id: res.body.licenses[0].id as string, key: res.body.licenses[0].key as string };
}
const client = (licenseKey: string, over: Partial<LicenseClientOptions> = {}) =>
  createLicenseClient({
    baseUrl: stack.api.url,
    product: 'app',
    publicKeyPem,
    credentials: { licenseKey },
    hardwareId: 'laptop-1',
    appVersion: '1.0.0',
    os: 'linux',
    ...over,
  });
/** A port nothing listens on: a real connection refusal, as on a laptop without network. */
const OFFLINE_URL = 'http://127.0.0.1:9';

beforeAll(async () => {
  stack = await startApi({ LICENSE_API_RATE_PER_KEY: '100000', LICENSE_API_RATE_PER_IP: '100000' });
  expect((await stack.call('POST', '/catalog/import', catalog)).status).toBe(200);
  publicKeyPem = await fetchProductPublicKey({ baseUrl: stack.api.url, product: 'app' });
});
afterAll(() => stack.close());

describe('license-client against the live API', () => {
  it('activates, checks (signed and verified) and deactivates; a full license frees a seat by deactivation', async () => {
    const { id, key } = await order('app');
    const one = client(key);
    const activated = await one.activate();
    expect(activated).toMatchObject({ created: true, license: { id, enabled: true, activations_in_use: 1 } });
    const checked = await one.check();
    expect(checked).toMatchObject({ source: 'online', license: { id, features: [{ code: 'export' }] } });
    expect(checked.checkedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);

    await client(key, { hardwareId: 'laptop-2' }).activate();
    const third = client(key, { hardwareId: 'laptop-3' });
    await expect(third.activate()).rejects.toMatchObject({
      name: 'LicenseRefusedError',
      reason: 'activations_exhausted',
      status: 409,
    });
    expect(await one.deactivate()).toEqual({ deactivated: true });
    expect((await third.activate()).license.activations_in_use).toBe(2);
    await expect(one.check()).rejects.toMatchObject({ reason: 'not_activated' });
    await expect(client('AAAA-BBBB-CCCC-DDDD').activate()).rejects.toMatchObject({
      reason: 'invalid_credentials',
    });
  });

  it('offline grace: a laptop without network keeps working on its last good check until the grace ends', async () => {
    const { key } = await order('app');
    const dir = await mkdtemp(path.join(tmpdir(), 'license-client-'));
    const online = client(key, { store: fileCheckStore(dir) });
    await online.activate();
    const good = await online.check();

    // The app restarts without network: a new client, the same store, a real connection refusal.
    let clock = new Date();
    const offline = client(key, {
      baseUrl: OFFLINE_URL,
      store: fileCheckStore(dir),
      graceMs: 3 * DAY,
      now: () => clock,
    });
    const kept = await offline.check();
    expect(kept).toMatchObject({ source: 'grace', license: good.license });
    expect(kept.checkedAt).toEqual(good.checkedAt);
    expect(kept.graceUntil!.getTime()).toBe(good.checkedAt.getTime() + 3 * DAY);

    clock = new Date(good.checkedAt.getTime() + 3 * DAY + 1);
    const late = await offline.check().catch((e: unknown) => e);
    expect(late).toBeInstanceOf(LicenseUnreachableError);
    expect((late as LicenseUnreachableError).message).toContain('grace period ended');
    expect((late as LicenseUnreachableError).lastCheckedAt).toEqual(good.checkedAt);

    // Editing the kept check (to push the date on) breaks its signature: no grace at all.
    clock = new Date();
    const [file] = await readdir(dir);
    const stored = JSON.parse(await readFile(path.join(dir, file!), 'utf8'));
    const body = JSON.parse(Buffer.from(stored.body, 'base64').toString());
    body.server_time = new Date(Date.now() + 30 * DAY).toISOString();
    stored.body = Buffer.from(JSON.stringify(body)).toString('base64');
    await writeFile(path.join(dir, file!), JSON.stringify(stored));
    await expect(offline.check()).rejects.toThrow(/no check was ever kept/);
  });

  it('a 429 is covered by grace, and Retry-After is honoured: nothing is sent until it has passed', async () => {
    const { key } = await order('app');
    let clock = new Date();
    let throttle = false;
    let sent = 0;
    // The live API, behind a gateway that throttles this app while `throttle` is set.
    const gateway: typeof fetch = async (input, init) => {
      sent += 1;
      if (throttle) {
        return new Response(JSON.stringify({ ok: false, reason: 'rate_limited', message: 'slow down' }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '30' },
        });
      }
      return fetch(input, init);
    };
    const app = client(key, { fetch: gateway, now: () => clock });
    await app.activate();
    const good = await app.check();
    throttle = true;
    const before = sent;
    const kept = await app.check();
    expect(kept).toMatchObject({ source: 'grace', license: good.license });
    expect(sent).toBe(before + 1);
    clock = new Date(clock.getTime() + 20_000);
    expect((await app.check()).source).toBe('grace');
    expect(sent).toBe(before + 1);
    // Without a kept check the 429 is an unreachable server that says how long to wait.
    const fresh = client(key, { fetch: gateway, now: () => clock, hardwareId: 'laptop-429' });
    const waited = await fresh.check().catch((e: unknown) => e);
    expect(waited).toBeInstanceOf(LicenseUnreachableError);
    expect((waited as LicenseUnreachableError).retryAfterS).toBe(30);
    expect(sent).toBe(before + 2);
    clock = new Date(clock.getTime() + 11_000);
    throttle = false;
    expect((await app.check()).source).toBe('online');
    expect(sent).toBe(before + 3);
  });

  it('a kept check holds only on its own machine, and not after the clock was set back', async () => {
    const { key } = await order('app');
    const dir = await mkdtemp(path.join(tmpdir(), 'license-client-'));
    const online = client(key, { store: fileCheckStore(dir) });
    await online.activate();
    const good = await online.check();

    // The kept check of laptop-1, copied to another machine under that machine's name.
    const [file] = await readdir(dir);
    const copied = await readFile(path.join(dir, file!), 'utf8');
    const copyStore = {
      load: async () => copied,
      save: async () => {},
      clear: async () => {},
    };
    const elsewhere = client(key, { baseUrl: OFFLINE_URL, store: copyStore, hardwareId: 'laptop-2' });
    await expect(elsewhere.check()).rejects.toThrow(/another machine/);

    let clock = new Date(good.checkedAt.getTime() + 2 * DAY);
    const offline = client(key, { baseUrl: OFFLINE_URL, store: fileCheckStore(dir), now: () => clock });
    expect((await offline.check()).source).toBe('grace');
    clock = new Date(good.checkedAt.getTime() + DAY);
    await expect(offline.check()).rejects.toThrow(/clock moved back/);
    // Once the clock is right again, the grace holds.
    clock = new Date(good.checkedAt.getTime() + 2 * DAY + 1000);
    expect((await offline.check()).source).toBe('grace');
  });

  it('a refusal is not covered by grace: a disabled license stops at once, online and then offline', async () => {
    const { id, key } = await order('app');
    const dir = await mkdtemp(path.join(tmpdir(), 'license-client-'));
    const online = client(key, { store: fileCheckStore(dir) });
    await online.activate();
    await online.check();
    expect((await stack.call('POST', `/licenses/${id}/disable`, { reason: 'chargeback' })).status).toBe(200);
    const refused = await online.check().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LicenseRefusedError);
    expect(refused).toMatchObject({ reason: 'license_disabled', status: 403 });
    const offline = client(key, { baseUrl: OFFLINE_URL, store: fileCheckStore(dir) });
    await expect(offline.check()).rejects.toBeInstanceOf(LicenseUnreachableError);
  });

  it('detects a forged server and a replayed answer', async () => {
    const { key } = await order('app');
    await client(key).activate();
    const other = generateKeyPairSync('ed25519');
    const forgedFetch: typeof fetch = async () => {
      const bytes = Buffer.from(
        JSON.stringify({
          ok: true,
          license: { enabled: true },
          nonce: 'x',
          server_time: new Date().toISOString(),
        }),
      );
      return new Response(bytes, {
        headers: {
          'licensync-signature': `keyid=k, ed25519=${sign(null, bytes, other.privateKey).toString('base64url')}`,
        },
      });
    };
    await expect(client(key, { fetch: forgedFetch }).check()).rejects.toBeInstanceOf(ForgedAnswerError);
    const unsigned: typeof fetch = async () => new Response(JSON.stringify({ ok: true }));
    await expect(client(key, { fetch: unsigned }).check()).rejects.toBeInstanceOf(ForgedAnswerError);

    // A genuine answer, recorded and played back to a later request, carries the wrong nonce.
    let recorded: { bytes: ArrayBuffer; signature: string } | null = null;
    const recorder: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      recorded = { bytes: await res.arrayBuffer(), signature: res.headers.get('licensync-signature')! };
      return new Response(recorded.bytes, {
        status: res.status,
        headers: { 'licensync-signature': recorded.signature },
      });
    };
    await client(key, { fetch: recorder }).check();
    const replay: typeof fetch = async () =>
      new Response(recorded!.bytes, { headers: { 'licensync-signature': recorded!.signature } });
    await expect(client(key, { fetch: replay }).check()).rejects.toThrow(/nonce/);
  });

  it('borrows, renews and releases a floating seat; a full pool is refused', async () => {
    const { key } = await order('app', 'float');
    const a = client(key, { hardwareId: 'float-a' });
    const b = client(key, { hardwareId: 'float-b' });
    const c = client(key, { hardwareId: 'float-c' });
    for (const m of [a, b, c]) await m.activate();
    const lease = await a.borrow();
    expect(lease).toMatchObject({ hardware_id: 'float-a', floating_cloud: 2, floating_in_use: 1 });
    await b.borrow();
    await expect(c.borrow()).rejects.toMatchObject({ reason: 'floating_seats_full' });
    const renewed = await a.heartbeat();
    expect(new Date(renewed.expires_at).getTime()).toBeGreaterThanOrEqual(
      new Date(lease.expires_at).getTime(),
    );
    expect(await a.release()).toEqual({ released: true });
    await expect(a.heartbeat()).rejects.toMatchObject({ reason: 'lease_expired' });
    expect((await c.borrow()).hardware_id).toBe('float-c');
  });

  it('consumes up to the maximum and is refused beyond it', async () => {
    const { key } = await order('app', 'meter');
    const m = client(key);
    await m.activate();
    expect(await m.consume(4)).toMatchObject({ total: 4, max_consumptions: 10 });
    expect((await m.consume(6)).total).toBe(10);
    await expect(m.consume(1)).rejects.toMatchObject({ reason: 'consumption_exceeded' });
    expect((await m.check()).license.consumption.total).toBe(10);
  });

  it('an offline license file verifies with the public key alone; a tampered one or another machine does not', async () => {
    const { id, key } = await order('app');
    const m = client(key, { hardwareId: 'airgap-1' });
    const file = await m.offline();
    const verdict = m.verifyOffline(file);
    expect(verdict).toMatchObject({ ok: true, payload: { hardware_id: 'airgap-1', license: { id } } });
    const payload = JSON.parse(Buffer.from(file.payload, 'base64url').toString());
    const tampered = {
      ...file,
      payload: Buffer.from(
        JSON.stringify({ ...payload, license: { ...payload.license, max_activations: 99 } }),
      ).toString('base64url'),
    };
    expect(m.verifyOffline(tampered)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyOfflineLicenseFile(file, publicKeyPem, { hardwareId: 'airgap-2' })).toEqual({
      ok: false,
      reason: 'other_machine',
    });
  });

  it('a license user signs in with the password set through their one-time link', async () => {
    const res = await stack.call('POST', '/orders', {
      customer: { email: 'uma@example.com', first_name: 'Uma' },
      product: 'team',
      quantity: 1,
    });
    expect(res.status).toBe(201);
    const licenseId = res.body.licenses[0].id as string;
    const token = await issuePasswordSetToken(stack.api.db, {
      workspaceId: stack.api.workspaceId,
      licenseId,
      email: 'uma@example.com',
      deliveryId: null,
      expiresAt: new Date(Date.now() + DAY),
    });
    const set = await fetch(`${stack.api.url}/customer/v1/password`, {
      method: 'POST',
      body: new URLSearchParams({ token, password: 'a long passphrase' }),
    });
    expect(set.status).toBe(200);
    const teamKey = await fetchProductPublicKey({ baseUrl: stack.api.url, product: 'team' });
    const user = createLicenseClient({
      baseUrl: stack.api.url,
      product: 'team',
      publicKeyPem: teamKey,
      credentials: { email: 'uma@example.com', password: 'a long passphrase' },
      hardwareId: 'uma-laptop',
    });
    expect((await user.activate()).license.id).toBe(licenseId);
    const wrong = createLicenseClient({
      baseUrl: stack.api.url,
      product: 'team',
      publicKeyPem: teamKey,
      credentials: { email: 'uma@example.com', password: 'not the passphrase' },
      hardwareId: 'uma-laptop',
    });
    await expect(wrong.check()).rejects.toMatchObject({ reason: 'invalid_credentials', status: 401 });
  });

  it("the README's example app activates, checks, works offline and frees its seat on uninstall", async () => {
    const { id, key } = await order('app', undefined, 'example@example.com');
    const home = await mkdtemp(path.join(tmpdir(), 'example-app-'));
    await writeFile(path.join(home, 'app.pem'), publicKeyPem);
    const run = (baseUrl: string, ...args: string[]) =>
      runExample(args, {
        HOME: home,
        LICENSYNC_URL: baseUrl,
        LICENSE_PRODUCT: 'app',
        LICENSE_KEY: key,
        LICENSE_PUBLIC_KEY_FILE: path.join(home, 'app.pem'),
      });
    const first = await run(stack.api.url);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('this machine is now activated');
    expect(first.stdout).toContain('licensed (perpetual); features: export');
    const offline = await run(OFFLINE_URL);
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stdout).toMatch(/^offline: working on the check of \S+ until \S+/m);
    const uninstall = await run(stack.api.url, 'uninstall');
    expect(uninstall.stdout).toContain('deactivated: true');
    const [row] = await stack.api.db.select().from(schema.licenses).where(eq(schema.licenses.id, id));
    expect(row!.activationsInUse).toBe(0);
  });
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs the example app as a vendor would, in a child process (the api answers from this one). */
function runExample(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'packages/license-client/examples/example-app.ts', ...args],
      { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}
