import { HUBSPOT_SCOPES } from '@licensync/core/connections';
import * as schema from '@licensync/core/schema';
import { createFakeHubspot, type FakeHubspot } from '@licensync/fakes/hubspot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiRuntime } from '../src/create-api-runtime';
import { type ApiStack, startApi } from './support/start-api';

const APP = { clientId: 'client-123', clientSecret: 'secret-456' };
let fake: FakeHubspot;
let stack: ApiStack;

/** Our install, then HubSpot's authorize page approving for `portalId`: the callback query and the session cookie. */
async function approve(opts: { portalId?: number; query?: string; url?: string; auth?: string } = {}) {
  const base = opts.url ?? stack.api.url;
  const install = await fetch(`${base}/connections/hubspot/install${opts.query ?? ''}`, {
    headers: { authorization: opts.auth ?? `Bearer ${stack.env.config.ADMIN_TOKEN}` },
    redirect: 'manual',
  });
  expect(install.status).toBe(302);
  const cookie = install.headers.get('set-cookie')!.split(';')[0]!;
  const authorize = new URL(install.headers.get('location')!);
  if (opts.portalId) authorize.searchParams.set('portal_id', String(opts.portalId));
  const approved = await fetch(authorize, { redirect: 'manual' });
  expect(approved.status).toBe(302);
  const back = new URL(approved.headers.get('location')!);
  return { authorize, cookie, query: back.search, params: back.searchParams };
}

const callback = (query: string, cookie?: string, url = stack.api.url) =>
  fetch(`${url}/connections/hubspot/callback${query}`, { headers: cookie ? { cookie } : {} });

const connections = () => stack.api.db.select().from(schema.hubspotConnections);

beforeAll(async () => {
  fake = await createFakeHubspot();
  fake.oauth.registerApp(APP);
  fake.addPortal({ portalId: 999, token: 'portal-999-static' });
  stack = await startApi({
    HUBSPOT_CLIENT_ID: APP.clientId,
    HUBSPOT_CLIENT_SECRET: APP.clientSecret,
    HUBSPOT_API_BASE: fake.url,
    HUBSPOT_AUTHORIZE_URL: fake.oauth.authorizeUrl(),
  });
});
afterAll(async () => {
  await stack.close();
  await fake.close();
});

describe('GET /connections/hubspot/install', () => {
  it('redirects to HubSpot with our client id, callback, every scope we need and a state', async () => {
    const { authorize } = await approve();
    expect(authorize.origin + authorize.pathname).toBe(fake.oauth.authorizeUrl());
    expect(authorize.searchParams.get('client_id')).toBe(APP.clientId);
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      'http://localhost:3000/connections/hubspot/callback',
    );
    expect(authorize.searchParams.get('scope')!.split(' ')).toEqual([...HUBSPOT_SCOPES]);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
  });

  it('asks a browser for credentials, and refuses a read-only key', async () => {
    const none = await fetch(`${stack.api.url}/connections/hubspot/install`, { redirect: 'manual' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    const basic = `Basic ${Buffer.from(`admin:${stack.env.config.ADMIN_TOKEN}`).toString('base64')}`;
    const viaBasic = await fetch(`${stack.api.url}/connections/hubspot/install`, {
      headers: { authorization: basic },
      redirect: 'manual',
    });
    expect(viaBasic.status).toBe(302);
    const key = await stack.call('POST', '/operator_keys', { name: 'viewer', scope: 'read' });
    const refused = await fetch(`${stack.api.url}/connections/hubspot/install`, {
      headers: { authorization: `Bearer ${key.body.key}` },
      redirect: 'manual',
    });
    expect(refused.status).toBe(403);
  });
});

describe('GET /connections/hubspot/callback', () => {
  it('refuses a state issued to another browser session, and then that state is spent', async () => {
    const first = await approve();
    const second = await approve();
    const mismatch = await callback(first.query, second.cookie);
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('another browser session');
    expect((await callback(first.query, first.cookie)).status).toBe(400);
    expect(await connections()).toEqual([]);
  });

  it('refuses an unknown state and a missing cookie', async () => {
    const { cookie, params } = await approve();
    const forged = await callback(`?code=${params.get('code')}&state=forged`, cookie);
    expect(await forged.text()).toContain('Unknown or already used state');
    const { query } = await approve();
    expect((await callback(query)).status).toBe(400);
  });

  it('answers a code HubSpot refuses with 400 and stores nothing', async () => {
    const { cookie, params } = await approve();
    const res = await callback(`?code=not-a-code&state=${params.get('state')}`, cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('HubSpot refused the code (invalid_grant: auth code not found');
    expect(await connections()).toEqual([]);
  });

  it('exchanges the code (v3), stores the tokens sealed and says Connected with the portal and time', async () => {
    const { cookie, query } = await approve();
    const res = await callback(query, cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Connected</h1>');
    expect(html).toContain('HubSpot portal 12345678');
    expect(html).toMatch(/Connected at \d{4}-\d\d-\d\dT/);
    const [row] = await connections();
    expect(row).toMatchObject({ authKind: 'oauth', portalId: '12345678', status: 'active' });
    expect(row!.accessToken).toMatch(/^enc:v1:/);
    expect(row!.refreshToken).toMatch(/^enc:v1:/);
    const [refresh] = fake.oauth.refreshTokensOf();
    expect(JSON.stringify(row)).not.toContain(refresh);
    expect(row!.expiresAt!.getTime() - Date.now()).toBeGreaterThan(1700_000);
    expect(fake.requests().some((r) => r.method === 'POST' && r.path === '/oauth/v3/token')).toBe(true);
    // A reused code (the browser's back button) is refused by HubSpot: state and code are both spent.
    expect((await callback(query, cookie)).status).toBe(400);
  });

  it('warns before a portal switch and changes nothing; confirmed, it switches', async () => {
    const other = await approve({ portalId: 999 });
    const warned = await callback(other.query, other.cookie);
    expect(warned.status).toBe(409);
    const text = await warned.text();
    expect(text).toContain('This workspace syncs to HubSpot portal 12345678; you approved portal 999');
    expect(text).toContain('allow_portal_switch=true');
    expect((await connections())[0]!.portalId).toBe('12345678');

    const confirmed = await approve({ portalId: 999, query: '?workspace=default&allow_portal_switch=true' });
    const res = await callback(confirmed.query, confirmed.cookie);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Switched from portal 12345678');
    expect((await connections())[0]).toMatchObject({ portalId: '999', objectTypeIds: {} });
  });

  it('keeps the v1 token endpoint working (hub id from the token info)', async () => {
    const v1 = await createApiRuntime(
      { ...stack.env.config, HUBSPOT_OAUTH_TOKEN_VERSION: 'v1' },
      stack.env.logger,
    );
    try {
      const { cookie, query } = await approve({ url: v1.url, portalId: 999 });
      const res = await callback(query, cookie, v1.url);
      expect(await res.text()).toContain('HubSpot portal 999');
      expect(fake.requests().some((r) => r.path === '/oauth/v1/token')).toBe(true);
      expect(fake.requests().some((r) => r.path.startsWith('/oauth/v1/access-tokens/'))).toBe(true);
    } finally {
      await v1.close();
    }
  });
});

describe('disconnect and reconnect', () => {
  it('disconnects, shows it in the status with the fix, and reconnects', async () => {
    const [row] = await connections();
    const off = await stack.call('POST', `/connections/${row!.id}/disconnect`);
    expect(off.body).toMatchObject({ state: 'disconnected', reason: 'disconnected by admin-token' });
    const status = await stack.call('GET', '/connections');
    expect(status.body.data[0]).toMatchObject({
      kind: 'hubspot',
      auth_kind: 'oauth',
      state: 'disconnected',
      portal_id: '999',
      last_error: { message: 'disconnected by admin-token', fix: expect.stringContaining('Reconnect') },
    });
    expect((await stack.call('POST', `/connections/${row!.id}/reconnect`)).body.state).toBe('connected');
    expect((await connections())[0]!.status).toBe('active');
    expect((await stack.call('POST', '/connections/not-a-uuid/disconnect')).status).toBe(404);
  });
});
