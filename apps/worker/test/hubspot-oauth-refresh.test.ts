import { exchangeHubspotCode, HUBSPOT_SCOPES, saveHubspotOauthConnection } from '@licensync/core/connections';
import * as schema from '@licensync/core/schema';
import { createSecretBoxFromConfig } from '@licensync/core/secrets';
import { eventually } from '@licensync/test-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerRuntime } from '../src/create-worker-runtime';
import { intentCounts, seedCustomers } from './hubspot-fixtures';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

const APP = { clientId: 'client-1', clientSecret: 'secret-1' };
const REDIRECT = 'http://localhost:3000/connections/hubspot/callback';
let stack: HubspotStack;

/** What the api's callback does: the fake user approves, the code is exchanged, the tokens stored sealed. */
async function install() {
  const authorize = new URL(stack.fake.oauth.authorizeUrl());
  authorize.search = new URLSearchParams({
    client_id: APP.clientId,
    redirect_uri: REDIRECT,
    scope: HUBSPOT_SCOPES.join(' '),
  }).toString();
  const approved = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(approved.headers.get('location')!).searchParams.get('code')!;
  const app = { ...APP, apiBase: stack.fake.url, version: 'v3' as const };
  const tokens = await exchangeHubspotCode(app, code, REDIRECT);
  const box = createSecretBoxFromConfig(stack.env.config);
  return saveHubspotOauthConnection(stack.runtime.db, {
    workspaceId: stack.workspaceId,
    portalId: tokens.portalId,
    sealedAccessToken: box.seal(tokens.accessToken),
    sealedRefreshToken: box.seal(tokens.refreshToken),
    expiresAt: tokens.expiresAt,
  });
}

const connection = async () => (await stack.runtime.db.select().from(schema.hubspotConnections))[0]!;
const refreshes = () => stack.fake.oauth.grants().filter((g) => g === 'refresh_token').length;

beforeAll(async () => {
  stack = await startHubspotStack({
    api: true,
    env: {
      HUBSPOT_ACCESS_TOKEN: '',
      HUBSPOT_CLIENT_ID: APP.clientId,
      HUBSPOT_CLIENT_SECRET: APP.clientSecret,
      HUBSPOT_TOKEN_REFRESH_MARGIN_S: '60',
    },
  });
  stack.fake.oauth.registerApp(APP);
});
afterAll(() => stack.close());

describe('OAuth tokens in the worker', () => {
  it('refreshes an access token before it expires, then syncs with the new one', async () => {
    // Issued for 5 s: inside the 60 s margin, so the first sync job refreshes it first.
    stack.fake.oauth.setAccessTokenTtl(5);
    await install();
    stack.fake.oauth.setAccessTokenTtl(1800);
    const before = (await connection()).accessToken;
    await seedCustomers(stack.runtime.db, stack.workspaceId, 3, { prefix: 'first' });
    expect(await stack.settled()).toEqual({ done: 3 });
    expect(refreshes()).toBe(1);
    const after = await connection();
    expect(after.accessToken).not.toBe(before);
    expect(after.expiresAt!.getTime() - Date.now()).toBeGreaterThan(1700_000);
    // Stamped when the job ends, just after its last batch settled.
    await eventually(async () => (await connection()).lastSyncAt ?? undefined);
    expect(stack.fake.records('contacts')).toHaveLength(3);
  });

  it('two workers racing to refresh the same token refresh it once', async () => {
    await stack.runtime.db
      .update(schema.hubspotConnections)
      .set({ expiresAt: new Date(Date.now() + 10_000) });
    const second = await createWorkerRuntime(stack.env.config, stack.env.logger);
    try {
      const due = await connection();
      const before = refreshes();
      const [a, b] = await Promise.all([
        stack.runtime.hubspot.refresher.fresh(due),
        second.hubspot.refresher.fresh(due),
      ]);
      expect(refreshes() - before).toBe(1);
      expect(a.accessToken).toBe(b.accessToken);
      expect(a.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 1700_000);
    } finally {
      await second.close();
    }
  });

  it('a refused refresh token (app uninstalled) disconnects the connection with the reason; work stays parked', async () => {
    stack.fake.oauth.uninstall();
    await stack.runtime.db
      .update(schema.hubspotConnections)
      .set({ expiresAt: new Date(Date.now() + 10_000) });
    await seedCustomers(stack.runtime.db, stack.workspaceId, 2, { prefix: 'parked' });
    const disconnected = await eventually(async () => {
      const c = await connection();
      return c.status === 'disconnected' ? c : undefined;
    });
    expect(disconnected.statusReason).toMatch(/^HubSpot refused the refresh token \(invalid_grant/);
    await new Promise((r) => setTimeout(r, 500));
    expect(await intentCounts(stack.runtime.db)).toEqual({ done: 3, pending: 2 });
    const failures = await stack.runtime.db.select().from(schema.jobFailures);
    expect(failures).toEqual([]);
    const status = await stack.api!.db.select().from(schema.hubspotConnections);
    expect(status[0]!.status).toBe('disconnected');
  });

  it('installing again resumes the parked work on the same portal, nothing lost', async () => {
    const { previousPortalId } = await install();
    expect(previousPortalId).toBeNull();
    expect(await stack.settled()).toEqual({ done: 5 });
    expect(stack.fake.records('contacts')).toHaveLength(5);
  });

  it('an operator disconnect parks new work at once; reconnect drains it', async () => {
    const c = await connection();
    const call = (path: string) =>
      fetch(`${stack.api!.url}/api/v1${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.env.config.ADMIN_TOKEN}` },
      });
    expect((await call(`/connections/${c.id}/disconnect`)).status).toBe(200);
    await seedCustomers(stack.runtime.db, stack.workspaceId, 4, { prefix: 'later' });
    await new Promise((r) => setTimeout(r, 600));
    expect(await intentCounts(stack.runtime.db)).toEqual({ done: 5, pending: 4 });
    expect(stack.fake.records('contacts')).toHaveLength(5);

    expect((await call(`/connections/${c.id}/reconnect`)).status).toBe(200);
    expect(await stack.settled()).toEqual({ done: 9 });
    expect(stack.fake.records('contacts')).toHaveLength(9);
    expect(await stack.runtime.db.select().from(schema.jobFailures)).toEqual([]);
  });

  it('a worker started with HUBSPOT_ACCESS_TOKEN leaves the OAuth connection as it is', async () => {
    const before = await connection();
    await stack.restart({ HUBSPOT_ACCESS_TOKEN: stack.fake.defaultPortal.token });
    await stack.runtime.hubspot.connected;
    const after = await connection();
    expect(after).toMatchObject({ authKind: 'oauth', accessToken: before.accessToken, status: 'active' });
  });

  it('GET /connections shows the state, portal, last sync and the remaining daily HubSpot budget', async () => {
    const res = await fetch(`${stack.api!.url}/api/v1/connections`, {
      headers: { authorization: `Bearer ${stack.env.config.ADMIN_TOKEN}` },
    });
    const { data } = (await res.json()) as { data: Record<string, unknown>[] };
    expect(data).toEqual([
      expect.objectContaining({
        kind: 'hubspot',
        auth_kind: 'oauth',
        state: 'connected',
        portal_id: String(stack.fake.defaultPortal.portalId),
        last_error: null,
        last_successful_sync: expect.stringMatching(/^\d{4}-/),
        sync_toggles: { licenses: true, customers: true, subscriptions: true, invoices: true },
      }),
    ]);
    // The fake allows 1,000,000 calls a day and counts every call this file made.
    expect(data[0]!.daily_budget_remaining).toBeGreaterThan(999_000);
    expect(data[0]!.daily_budget_remaining).toBeLessThan(1_000_000);
  });
});
