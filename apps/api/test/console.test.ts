import * as schema from '@licensync/core/schema';
import { createWorkspace } from '@licensync/core/workspaces';
import { createFakeStripe, type FakeStripe } from '@licensync/fakes/stripe';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiRuntime } from '../src/create-api-runtime';
import { consoleClient } from './support/console-client';
import { connectPortal } from './support/hubspot-cards-fixtures';
import { type SeededWorkspace, seedWorkspace } from './support/seed-workspace';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;
let own: SeededWorkspace;
let other: SeededWorkspace;
let acmeId: string;
let fakeStripe: FakeStripe;

beforeAll(async () => {
  fakeStripe = await createFakeStripe();
  stack = await startApi({ ADMIN_SIGNIN_MAX_FAILURES: '1000', STRIPE_API_BASE: fakeStripe.url });
  const { db, workspaceId } = stack.api;
  own = await seedWorkspace(db, workspaceId, 'own');
  const acme = await createWorkspace(db, { slug: 'acme', name: 'Acme' });
  acmeId = acme.id;
  other = await seedWorkspace(db, acme.id, 'acme');
});
afterAll(async () => {
  await stack.close();
  await fakeStripe.close();
});

const signedIn = async () => {
  const client = consoleClient(stack.api.url);
  const { status } = await client.signIn(stack.env.config.ADMIN_TOKEN);
  expect(status).toBe(303);
  return client;
};

describe('the console without a session', () => {
  it('sends a page to sign-in (with the way back) and refuses a write; assets need no session', async () => {
    const client = consoleClient(stack.api.url);
    const page = await client.get(`/console/licenses/${own.licenseId}`);
    expect(page.status).toBe(303);
    expect(page.location).toBe(
      `/console/signin?next=${encodeURIComponent(`/console/licenses/${own.licenseId}`)}`,
    );
    expect(
      (await client.post(`/console/licenses/${own.licenseId}/disable`, {}, { csrf: false })).status,
    ).toBe(401);
    const htmx = await fetch(`${stack.api.url}/console/assets/htmx.min.js`);
    expect(htmx.status).toBe(200);
    expect(htmx.headers.get('content-type')).toContain('text/javascript');
    expect(await htmx.text()).toContain('htmx');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'nope.js'])(
    'an asset named %s that is not one of ours is a 404, not a 500',
    async (name) => {
      const res = await fetch(`${stack.api.url}/console/assets/${name}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('not found');
    },
  );

  it('returns only to console paths after sign-in (no open redirect), and needs the form’s CSRF token', async () => {
    for (const next of ['https://evil.example/', '//evil.example/console', '/api/v1/licenses']) {
      const { location } = await consoleClient(stack.api.url).signIn(stack.env.config.ADMIN_TOKEN, next);
      expect(location).toBe('/console/');
    }
    const res = await fetch(`${stack.api.url}/console/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key: stack.env.config.ADMIN_TOKEN }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('licensync_console='))).toBe(false);
  });
});

describe('pages', () => {
  it.each([
    ['/console/', 'Overview'],
    ['/console/licenses?q=KEY-own', '1 found'],
    ['/console/customers?q=own@', 'own@example.com'],
    ['/console/failures?error=boom', 'boom'],
    ['/console/resyncs', 'stripe-reconcile'],
    ['/console/connections', 'Not connected.'],
    ['/console/settings', 'Scheduled resyncs'],
    ['/console/workspaces', 'Acme'],
  ])('%s renders (shows “%s”)', async (path, text) => {
    const page = await (await signedIn()).get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain(text);
    expect(page.html).toContain('<meta name="viewport"');
  });

  it('finds a license by its key, email, customer id, Stripe id or HubSpot record id, in its workspace only', async () => {
    await stack.api.db.insert(schema.externalLinks).values({
      workspaceId: stack.api.workspaceId,
      entityKind: 'license',
      entityId: own.licenseId,
      provider: 'hubspot',
      externalType: '2-999',
      externalId: '777001',
    });
    const client = await signedIn();
    for (const q of ['KEY-own', 'OWN@example.com', own.customerId, 'sub_own', '777001']) {
      const page = await client.get(`/console/licenses?q=${encodeURIComponent(q)}`);
      expect(page.html, q).toContain('1 found');
      expect(page.html, q).toContain(`/console/licenses/${own.licenseId}`);
    }
    expect((await client.get('/console/licenses?q=KEY-acme')).html).toContain('0 found');
  });

  it('shows failures of the last 24 hours by reason on the overview', async () => {
    const page = await (await signedIn()).get('/console/');
    expect(page.html).toMatch(
      /<a href="\/console\/failures\?status=any&amp;error=boom">boom<\/a><\/td><td>1<\/td>/,
    );
  });

  it('escapes what it shows: a customer named like a script is text', async () => {
    await stack.api.db
      .update(schema.customers)
      .set({ name: '<script>alert(1)</script>' })
      .where(eq(schema.customers.id, own.customerId));
    const page = await (await signedIn()).get(`/console/customers/${own.customerId}`);
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).not.toContain('<script>alert(1)');
  });

  it('shows only the session’s workspace (404), and a link naming another workspace switches to it', async () => {
    const client = await signedIn();
    expect((await client.get(`/console/licenses/${other.licenseId}`)).status).toBe(404);
    expect((await client.get(`/console/failures/${other.failureId}`)).status).toBe(404);
    const switched = await client.get(`/console/licenses/${other.licenseId}?workspace=acme`);
    expect(switched.status).toBe(200);
    expect(switched.html).toContain('KEY-acme');
    expect(switched.html).toContain('Acme · admin-token');
    expect((await client.get(`/console/licenses/${own.licenseId}`)).status).toBe(404);
  });

  it('counts a bulk replay first (dry run) and changes nothing until confirmed', async () => {
    const client = await signedIn();
    await client.get('/console/failures');
    const dry = await client.post('/console/failures/replay', { error: 'boom', dry_run: 'true' });
    expect(dry.status).toBe(200);
    expect(dry.html).toContain('1 open failures match');
    const [row] = await stack.api.db
      .select()
      .from(schema.jobFailures)
      .where(eq(schema.jobFailures.id, own.failureId));
    expect(row!.status).toBe('failed');
  });

  it('saves a setting through the form, and refuses a bad one naming the field', async () => {
    const client = await signedIn();
    await client.get('/console/settings');
    const saved = await client.post('/console/settings', { resync_cron: '15 4 * * *' });
    expect(saved.status).toBe(303);
    expect((await stack.call('GET', '/settings')).body.resync_cron).toBe('15 4 * * *');
    const bad = await client.post('/console/settings', { resync_cron: 'every day' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('resync_cron');
  });
});

describe('settings switches', () => {
  it('shows deliver_licenses ticked, turns it off and on again, and a post without it keeps it', async () => {
    const client = await signedIn();
    const page = await client.get('/console/settings');
    expect(page.html).toMatch(
      /<input type="hidden" name="deliver_licenses" value="false"><label for="s-deliver_licenses">.*<input id="s-deliver_licenses" type="checkbox" name="deliver_licenses" value="true" checked>/,
    );
    // An unticked box sends only the hidden `false`.
    expect((await client.post('/console/settings', { deliver_licenses: 'false' })).status).toBe(303);
    expect((await stack.call('GET', '/settings')).body.deliver_licenses).toBe(false);
    expect((await client.get('/console/settings')).html).not.toContain(
      'name="deliver_licenses" value="true" checked',
    );
    expect((await client.post('/console/settings', { resync_cron: '0 5 * * *' })).status).toBe(303);
    expect((await stack.call('GET', '/settings')).body.deliver_licenses).toBe(false);
    // A ticked box sends the hidden `false` and then `true`: the last one wins.
    const body = new URLSearchParams([
      ['_csrf', client.csrf()],
      ['deliver_licenses', 'false'],
      ['deliver_licenses', 'true'],
    ]);
    const ticked = await fetch(`${stack.api.url}/console/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: client.cookie() },
      body: body.toString(),
      redirect: 'manual',
    });
    expect(ticked.status).toBe(303);
    expect((await stack.call('GET', '/settings')).body.deliver_licenses).toBe(true);
  });
});

describe('connection, workspace and bulk-replay writes (in the acme workspace)', () => {
  const hubspotRow = async () =>
    (
      await stack.api.db
        .select()
        .from(schema.hubspotConnections)
        .where(eq(schema.hubspotConnections.workspaceId, acmeId))
    )[0]!;

  it('switches workspace with POST /workspaces/switch; an unknown slug changes nothing', async () => {
    const client = await signedIn();
    await client.get('/console/workspaces');
    const unknown = await client.post('/console/workspaces/switch', { slug: 'nope' });
    expect(unknown.status).toBe(303);
    expect((await client.get('/console/workspaces')).html).toContain('No such workspace.');
    expect((await client.get(`/console/licenses/${other.licenseId}`)).status).toBe(404);
    const switched = await client.post('/console/workspaces/switch', { slug: 'acme' });
    expect(switched.status).toBe(303);
    expect(switched.location).toBe('/console/');
    expect((await client.get('/console/')).html).toContain('Now showing Acme.');
    expect((await client.get(`/console/licenses/${other.licenseId}`)).status).toBe(200);
  });

  it('disconnects and reconnects HubSpot, and a connection HubSpot refused asks to install again', async () => {
    await connectPortal(stack.api.db, acmeId, 5150);
    const client = await signedIn();
    const { id } = await hubspotRow();
    let page = await client.get('/console/connections?workspace=acme');
    expect(page.html).toContain(`action="/console/connections/${id}/disconnect"`);
    expect((await client.post(`/console/connections/${id}/disconnect`)).status).toBe(303);
    expect(await hubspotRow()).toMatchObject({
      status: 'disconnected',
      statusReason: 'disconnected by admin-token',
    });
    page = await client.get('/console/connections');
    expect(page.html).toContain('HubSpot disconnected');
    expect(page.html).toContain(`action="/console/connections/${id}/reconnect"`);
    expect((await client.post(`/console/connections/${id}/reconnect`)).status).toBe(303);
    expect(await hubspotRow()).toMatchObject({ status: 'active', statusReason: null });

    await stack.api.db
      .update(schema.hubspotConnections)
      .set({ status: 'error', statusReason: 'refresh token revoked' })
      .where(eq(schema.hubspotConnections.id, id));
    expect((await client.post(`/console/connections/${id}/reconnect`)).status).toBe(303);
    page = await client.get('/console/connections');
    expect(page.html).toContain('HubSpot refused this connection (refresh token revoked)');
    expect(page.html).toContain('install the app again with “Install again” on the console');
    expect(page.html).toContain('Install again (switch portal)');
    expect((await hubspotRow()).status).toBe('error');
    await stack.api.db
      .update(schema.hubspotConnections)
      .set({ status: 'active', statusReason: null })
      .where(eq(schema.hubspotConnections.id, id));
  });

  it('saves the per-sync toggles: an unticked box turns its sync off', async () => {
    const client = await signedIn();
    await client.get('/console/connections?workspace=acme');
    const saved = await client.post('/console/connections/toggles', {
      licenses: 'false',
      customers: 'true',
      subscriptions: 'true',
      invoices: 'true',
    });
    expect(saved.status).toBe(303);
    const settings = await stack.call('GET', '/settings', undefined, { 'licensync-workspace': 'acme' });
    expect(settings.body.sync_toggles).toEqual({
      licenses: false,
      customers: true,
      subscriptions: true,
      invoices: true,
    });
    const page = await client.get('/console/connections');
    expect(page.html).toContain('name="licenses" value="true">');
    expect(page.html).toContain('name="customers" value="true" checked>');
  });

  it('stores a Stripe key through the form (checked with Stripe, webhook registered), and refuses a bad one', async () => {
    const client = await signedIn();
    await client.get('/console/connections?workspace=acme');
    const bad = await client.post('/console/connections/stripe', { api_key: 'pk_test_public' });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expect(bad.html).toContain('api_key');
    const saved = await client.post('/console/connections/stripe', {
      api_key: 'sk_test_console_form',
      register_webhook: 'true',
    });
    expect(saved.status).toBe(303);
    const [row] = await stack.api.db
      .select()
      .from(schema.stripeConnections)
      .where(eq(schema.stripeConnections.workspaceId, acmeId));
    expect(row).toMatchObject({ accountId: 'acct_fake0000000000' });
    expect(row!.apiKey).toMatch(/^enc:v1:/);
    const page = await client.get('/console/connections');
    expect(page.html).toContain('Stripe connection saved.');
    expect(page.html).toContain('<dt>Key stored</dt><dd>yes</dd>');
    expect(page.html).toContain('<dt>Signing secret stored</dt><dd>yes</dd>');
  });

  it('replays in bulk only after the confirm step, which posts the same filter', async () => {
    // The failure's stored event, so the replay has something to run again.
    const [event] = await stack.api.db
      .insert(schema.inboxEvents)
      .values({
        workspaceId: acmeId,
        provider: 'stripe',
        externalId: 'evt_console_bulk',
        type: 'checkout.session.completed',
        payload: { id: 'evt_console_bulk' },
        status: 'failed',
      })
      .returning();
    await stack.api.db
      .update(schema.jobFailures)
      .set({ inboxEventId: event!.id })
      .where(eq(schema.jobFailures.id, other.failureId));
    const client = await signedIn();
    // A list page that checks its query strictly still takes the workspace link parameter.
    expect((await client.get('/console/failures?workspace=acme')).status).toBe(200);
    const dry = await client.post('/console/failures/replay', { error: 'boom', dry_run: 'true' });
    expect(dry.html).toContain('1 open failures match');
    expect(dry.html).toContain('<input type="hidden" name="error" value="boom">');
    expect(dry.html).toContain('<input type="hidden" name="dry_run" value="false">');
    const failureRow = async () =>
      (
        await stack.api.db
          .select()
          .from(schema.jobFailures)
          .where(and(eq(schema.jobFailures.id, other.failureId), eq(schema.jobFailures.workspaceId, acmeId)))
      )[0]!;
    expect((await failureRow()).status).toBe('failed');
    const confirmed = await client.post('/console/failures/replay', { error: 'boom', dry_run: 'false' });
    expect(confirmed.status).toBe(303);
    expect(confirmed.location).toBe('/console/failures?error=boom');
    expect((await client.get(confirmed.location!)).html).toContain(
      '1 failures queued for replay, 0 skipped.',
    );
    expect((await failureRow()).status).not.toBe('failed');
    // Own workspace's failure was not in the filter's workspace: untouched.
    const [ownRow] = await stack.api.db
      .select()
      .from(schema.jobFailures)
      .where(eq(schema.jobFailures.id, own.failureId));
    expect(ownRow!.status).toBe('failed');
  });

  it('a read-only key may switch workspace and sign out, and nothing else', async () => {
    const created = await stack.call('POST', '/operator_keys', { name: 'ops-reader', scope: 'read' });
    const client = consoleClient(stack.api.url);
    expect((await client.signIn(created.body.key)).status).toBe(303);
    await client.get('/console/workspaces');
    expect((await client.post('/console/workspaces/switch', { slug: 'acme' })).status).toBe(303);
    expect((await client.get(`/console/licenses/${other.licenseId}`)).status).toBe(200);
    const { id } = await hubspotRow();
    const refused = await client.post(`/console/connections/${id}/disconnect`);
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('key:ops-reader is read-only');
    expect((await hubspotRow()).status).toBe('active');
    const out = await client.post('/console/signout');
    expect(out.status).toBe(303);
    expect(out.location).toBe('/console/signin');
    expect((await client.get('/console/')).status).toBe(303);
  });
});

describe('actions', () => {
  const licenseOf = async (id: string) =>
    (await stack.api.db.select().from(schema.licenses).where(eq(schema.licenses.id, id)))[0]!;

  it('reissues a key, edits the fields the type allows, features and custom fields, recording the operator', async () => {
    const client = await signedIn();
    const page = `/console/licenses/${own.licenseId}`;
    await client.get(page);
    const before = await licenseOf(own.licenseId);
    expect((await client.post(`${page}/reissue_key`)).status).toBe(303);
    expect((await licenseOf(own.licenseId)).licenseKey).not.toBe(before.licenseKey);

    const edited = await client.post(`${page}/edit`, { max_activations: '7', is_trial: 'true' });
    expect(edited.status).toBe(303);
    expect(await licenseOf(own.licenseId)).toMatchObject({ maxActivations: 7, isTrial: true });
    // A perpetual license has no validity of its own: the form does not send the field at all.
    const refused = await client.post(`${page}/edit`, { valid_until: '2030-01-01' });
    expect(refused.status).toBe(303);
    expect((await licenseOf(own.licenseId)).validUntil).toBeNull();

    expect((await client.post(`${page}/features`, { code: 'batch', max_consumption: '' })).status).toBe(303);
    expect((await client.post(`${page}/custom_fields`, { name: 'support_tier', value: 'gold' })).status).toBe(
      303,
    );
    let shown = await client.get(page);
    expect(shown.html).toContain('<code>batch</code>');
    expect(shown.html).toContain('<dt>support_tier</dt><dd>gold</dd>');
    expect((await client.post(`${page}/features/batch/remove`)).status).toBe(303);
    shown = await client.get(page);
    expect(shown.html).not.toContain('<code>batch</code>');
    expect(shown.html).toContain('by <em>admin-token</em>');
    expect((await client.post(`${page}/features`, { code: '' })).status).toBe(400);
  });

  it('discards a failure only with a reason, and shows who discarded it and why', async () => {
    const client = await signedIn();
    const page = `/console/failures/${own.failureId}`;
    await client.get(page);
    expect((await client.post(`${page}/discard`, { reason: '' })).status).toBe(400);
    expect((await client.post(`${page}/discard`, { reason: 'test order' })).status).toBe(303);
    const shown = await client.get(page);
    expect(shown.html).toContain('<dt>Status</dt><dd>discarded</dd>');
    expect(shown.html).toMatch(/failure\.discarded ok by admin-token — test order/);
  });
});

describe('links earlier versions wrote into HubSpot', () => {
  it('send a browser to the console page, and leave API clients alone', async () => {
    const ids = { licenses: own.licenseId, customers: own.customerId, failures: String(own.failureId) };
    for (const kind of ['licenses', 'customers', 'failures'] as const) {
      const id = ids[kind];
      const browser = await fetch(`${stack.api.url}/api/v1/${kind}/${id}`, {
        headers: { accept: 'text/html,application/xhtml+xml' },
        redirect: 'manual',
      });
      expect(browser.status).toBe(302);
      expect(browser.headers.get('location')).toBe(`/console/${kind}/${id}`);
      const api = await stack.call('GET', `/${kind}/${id}`);
      expect(api.status).toBe(200);
      expect(String(api.body.id)).toBe(id);
    }
  });
});

describe('a session outlives nothing that signed it in', () => {
  it('ends on the next request once its operator key is revoked', async () => {
    const created = await stack.call('POST', '/operator_keys', { name: 'ops-revoked', scope: 'admin' });
    expect(created.status).toBe(201);
    const client = consoleClient(stack.api.url);
    expect((await client.signIn(created.body.key)).status).toBe(303);
    expect((await client.get('/console/licenses')).status).toBe(200);
    expect((await stack.call('POST', '/operator_keys/ops-revoked/revoke')).status).toBe(200);
    const page = await client.get('/console/licenses');
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/console/signin?next=${encodeURIComponent('/console/licenses')}`);
    expect((await client.post(`/console/licenses/${own.licenseId}/disable`)).status).toBe(401);
  });

  it('ends once ADMIN_TOKEN is changed (an api started with the new token refuses the old session)', async () => {
    const client = await signedIn();
    expect((await client.get('/console/licenses')).status).toBe(200);
    const rotated = await createApiRuntime(
      { ...stack.env.config, ADMIN_TOKEN: `${stack.env.config.ADMIN_TOKEN}-rotated` },
      stack.env.logger,
    );
    try {
      const page = await fetch(`${rotated.url}/console/licenses`, {
        headers: { cookie: client.cookie() },
        redirect: 'manual',
      });
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toMatch(/^\/console\/signin/);
    } finally {
      await rotated.close();
    }
    // The session was deleted, not only refused: the old api does not take it back either.
    expect((await client.get('/console/licenses')).status).toBe(303);
  });
});

describe('the session in use', () => {
  it('renews the cookie on each request, as Redis renews the session', async () => {
    const client = await signedIn();
    const res = await fetch(`${stack.api.url}/console/licenses`, {
      headers: { cookie: client.cookie() },
      redirect: 'manual',
    });
    expect(res.status).toBe(200);
    const renewed = res.headers.getSetCookie().find((c) => c.startsWith('licensync_console='));
    expect(renewed).toMatch(/Max-Age=28800/);
    expect(renewed).toMatch(/HttpOnly/);
    expect(renewed).toMatch(/Path=\/console/);
    expect(renewed).toContain(client.cookie().match(/licensync_console=([^;]+)/)![1]);
  });

  it('records enable and disable with the operator as actor, from the console', async () => {
    const created = await stack.call('POST', '/operator_keys', { name: 'ops-carol', scope: 'admin' });
    const client = consoleClient(stack.api.url);
    expect((await client.signIn(created.body.key)).status).toBe(303);
    const page = `/console/licenses/${own.licenseId}`;
    await client.get(page);
    expect((await client.post(`${page}/disable`, { reason: 'chargeback' })).status).toBe(303);
    expect((await client.post(`${page}/enable`)).status).toBe(303);
    const rows = await stack.api.db
      .select()
      .from(schema.activityLog)
      .where(eq(schema.activityLog.workspaceId, stack.api.workspaceId));
    const toggles = rows.filter((r) => r.kind === 'license.disabled' || r.kind === 'license.enabled');
    expect(toggles.map((r) => [r.kind, r.actor, r.detail])).toEqual([
      ['license.disabled', 'key:ops-carol', { source: 'key:ops-carol', client: 'console' }],
      ['license.enabled', 'key:ops-carol', { source: 'key:ops-carol', client: 'console' }],
    ]);
    expect((await client.get(page)).html).toContain('by <em>key:ops-carol</em>');
  });
});

describe('the session cookie behind https', () => {
  let https: ApiStack;
  beforeAll(async () => {
    https = await startApi({ PUBLIC_URL: 'https://lic.example.com', ADMIN_SIGNIN_MAX_FAILURES: '2' });
  });
  afterAll(() => https.close());

  it('is HttpOnly, Secure and SameSite=Lax, and failed sign-ins are throttled', async () => {
    const { setCookie } = await consoleClient(https.api.url).signIn(https.env.config.ADMIN_TOKEN);
    const session = setCookie.find((c) => c.startsWith('licensync_console='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\/console/);
    const client = consoleClient(https.api.url);
    expect((await client.signIn('nope')).status).toBe(401);
    expect((await client.signIn('nope')).status).toBe(401);
    expect((await client.signIn(https.env.config.ADMIN_TOKEN)).status).toBe(429);
  });
});
