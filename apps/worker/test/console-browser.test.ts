// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the text a person sees, not DOM nodes.
import * as schema from '@licensync/core/schema';
import { brokenPurchases, eventually } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserPages } from './support/browser-pages';
import { launchChromium } from './support/launch-chromium';
import { type ConsoleStack, startConsoleStack } from './support/start-console-stack';

let env: ConsoleStack;
let stack: ConsoleStack['stack'];
let hubspot: ConsoleStack['hubspot'];
let base: string;
let browser: Browser;
let pages: ReturnType<typeof browserPages>;

beforeAll(async () => {
  env = await startConsoleStack();
  ({ stack, hubspot, base } = env);
  browser = await launchChromium();
  pages = browserPages(browser, base);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

/** A good one-off purchase, delivered and processed: one license for `email`. */
async function purchase(email: string) {
  const { completed, purchases } = brokenPurchases(stack.fake.sim, [email], {
    max_activations: '2',
    floating_cloud: '1',
  });
  await stack.deliver(completed);
  await stack.settled(completed);
  const [license] = await stack.licenses({ paymentIntentId: purchases[0]!.pi });
  return license!;
}

const licenseRow = async (id: string) =>
  (await stack.api.db.select().from(schema.licenses).where(eq(schema.licenses.id, id)))[0]!;

describe('the console in a real browser', () => {
  let license: Awaited<ReturnType<typeof purchase>>;
  beforeAll(async () => {
    license = await purchase('ada@example.com');
  });

  it('signs in with a key, returns to the page asked for, and signs out for good', async () => {
    const { context, page } = await pages.newPage();
    await page.goto('/console/licenses');
    await pages.signIn(page, 'wrong-key');
    expect(await page.getByRole('alert').innerText()).toContain('not valid');
    await pages.shot(page, 'signin-refused');
    await page.getByLabel('Operator key').fill(stack.env.config.ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/console/licenses`);
    expect(await pages.heading(page)).toBe('Licenses');

    const [cookie] = (await context.cookies()).filter((c) => c.name === 'licensync_console');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/console' });
    // PUBLIC_URL is http here, so the cookie cannot be Secure (https deployments get Secure).
    expect(cookie!.secure).toBe(false);

    await page.goto('/console/');
    expect(await pages.heading(page)).toBe('Overview');
    expect(await page.locator('main').innerText()).toContain('inbox-events');
    await pages.shot(page, 'overview');
    await page.setViewportSize({ width: 390, height: 844 });
    await pages.shot(page, 'overview-phone');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/signin$/);
    // The old cookie is dead in Redis too, not only forgotten by this browser.
    await context.addCookies([cookie!]);
    await page.goto('/console/');
    expect(page.url()).toContain('/console/signin?next=');
    await context.close();
  });

  it('finds a license by its key and disables it, with the operator in its history', async () => {
    const { context, page } = await pages.newPage();
    await page.goto('/console/');
    await pages.signIn(page, stack.env.config.ADMIN_TOKEN);
    await page.getByRole('link', { name: 'Licenses' }).click();
    await page.getByLabel(/Key, email/).fill(license.licenseKey!);
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.locator('main h2').innerText()).toContain('1 found');
    await pages.shot(page, 'licenses-search');
    await page.getByRole('link', { name: license.licenseKey! }).click();
    expect(await pages.heading(page)).toBe(`License ${license.licenseKey}`);
    await page.getByLabel('Reason').fill('chargeback suspected');
    await page.getByRole('button', { name: 'Disable' }).click();
    expect(await page.getByRole('status').first().innerText()).toContain('License disabled.');
    expect(await page.locator('dl').first().innerText()).toContain('disabled (chargeback suspected)');
    expect(await page.locator('.timeline').innerText()).toContain('by admin-token');
    await pages.shot(page, 'license-detail');
    expect(await licenseRow(license.id)).toMatchObject({
      enabled: false,
      disabledReason: 'chargeback suspected',
    });

    await page.getByRole('button', { name: 'Enable' }).click();
    expect((await licenseRow(license.id)).enabled).toBe(true);
    await context.close();
  });

  it('refuses a post without the CSRF token, and a read-only key on every write', async () => {
    const { context, page } = await pages.newPage();
    await page.goto(`/console/licenses/${license.id}`);
    await pages.signIn(page, stack.env.config.ADMIN_TOKEN);
    const forged = await pages.postFrom(page, `/console/licenses/${license.id}/disable`, {
      reason: 'forged',
    });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('no valid CSRF token');
    expect((await licenseRow(license.id)).enabled).toBe(true);
    await context.close();

    const { body } = await stack.call('POST', '/operator_keys', { name: 'viewer', scope: 'read' });
    const viewer = await pages.newPage('phone');
    await viewer.page.goto(`/console/licenses/${license.id}`);
    await pages.signIn(viewer.page, body.key);
    expect(await pages.heading(viewer.page)).toBe(`License ${license.licenseKey}`);
    expect(await viewer.page.getByRole('button', { name: 'Disable' }).isDisabled()).toBe(true);
    await pages.shot(viewer.page, 'license-read-only-phone');
    const refused = await pages.postFrom(viewer.page, `/console/licenses/${license.id}/disable`, {
      reason: 'read-only try',
      _csrf: await pages.csrfOf(viewer.page),
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('key:viewer is read-only');
    expect((await licenseRow(license.id)).enabled).toBe(true);
    await viewer.context.close();
  });

  it('replays a failure once its price is fixed, and shows it succeeded', async () => {
    const broken = brokenPurchases(stack.fake.sim, ['grace@example.com']);
    await stack.deliver(broken.completed);
    await stack.settled(broken.completed);
    const { context, page } = await pages.newPage();
    await page.goto('/console/failures');
    await pages.signIn(page, stack.env.config.ADMIN_TOKEN);
    await page.getByLabel('Error contains').fill(broken.price.id);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await pages.shot(page, 'failures');
    await page.locator('table a').first().click();
    expect(await page.locator('main').innerText()).toContain(
      'floating_cloud (5) must be ≤ max_activations (2)',
    );
    expect(await page.locator('pre').innerText()).toContain(broken.purchases[0]!.sessionId);
    await pages.shot(page, 'failure-detail');

    broken.fix();
    await page.getByRole('button', { name: 'Replay' }).click();
    expect(await page.getByRole('status').first().innerText()).toContain('Replay queued');
    // Succeeded: the stored event ran again (round 1) and was processed; the failure is closed.
    await eventually(async () => {
      await page.reload();
      return (await page.locator('main').innerText()).includes(': processed, round 1') || undefined;
    }, 15_000);
    expect(await page.locator('dl').first().innerText()).toMatch(/Status\s+replayed/);
    expect(await page.locator('main').innerText()).toContain('by admin-token');
    expect(await stack.licenses({ paymentIntentId: broken.purchases[0]!.pi })).toHaveLength(1);
    await context.close();
  });

  it('starts a resync and shows its progress live until 100 %', async () => {
    const { context, page } = await pages.newPage();
    await page.goto('/console/resyncs');
    await pages.signIn(page, stack.env.config.ADMIN_TOKEN);
    const polls: string[] = [];
    page.on('request', (r) => void (r.url().endsWith('/progress') && polls.push(r.url())));
    await page.getByLabel('Kind').selectOption('stripe-reconcile');
    await page.getByRole('button', { name: 'Start resync' }).click();
    await page.waitForURL(/\/console\/resyncs\/[0-9a-f-]{36}$/);
    const url = page.url();
    // No reload: htmx polls the progress fragment until the run is finished.
    await page.locator('#progress .percent', { hasText: '100 %' }).waitFor({ timeout: 20_000 });
    expect(page.url()).toBe(url);
    expect(polls.length).toBeGreaterThan(0);
    expect(await page.locator('#progress .status').innerText(), await page.locator('main').innerText()).toBe(
      'succeeded',
    );
    // The details came with the polls too: the finish time is shown without a reload.
    expect(await page.locator('#progress dl').innerText()).toMatch(/Finished\s+\d{4}-/);
    await pages.shot(page, 'resync-progress');
    await page.getByRole('link', { name: 'All runs' }).click();
    expect(await page.locator('table').innerText()).toContain('succeeded');
    await pages.shot(page, 'resyncs');
    await context.close();
  });

  it('shows the settings (with license delivery) and the workspaces, and switches between them', async () => {
    const { context, page } = await pages.newPage();
    await page.goto('/console/settings');
    await pages.signIn(page, stack.env.config.ADMIN_TOKEN);
    expect(await pages.heading(page)).toBe('Settings');
    await expect.poll(() => page.getByLabel('Mail customers their license keys').isChecked()).toBe(true);
    await page.getByLabel('Mail customers their license keys').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.notice').innerText()).toContain('deliver_licenses');
    expect((await stack.call('GET', '/settings')).body.deliver_licenses).toBe(false);
    await page.getByLabel('Mail customers their license keys').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForLoadState();
    expect((await stack.call('GET', '/settings')).body.deliver_licenses).toBe(true);
    await pages.shot(page, 'settings');

    expect((await stack.call('POST', '/workspaces', { slug: 'acme', name: 'Acme' })).status).toBe(201);
    await page.goto('/console/workspaces');
    expect(await pages.heading(page)).toBe('Workspaces');
    expect(await page.locator('main').innerText()).toContain('Acme');
    await pages.shot(page, 'workspaces');
    await page.getByRole('button', { name: 'Switch to acme' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.notice').innerText()).toContain('Now showing Acme.');
    await page.goto('/console/workspaces');
    await page.getByRole('button', { name: 'Switch to default' }).click();
    await page.waitForLoadState();
    await context.close();
  });

  it('connects HubSpot through the fake’s OAuth pages, then its record links open the console pages', async () => {
    const { context, page } = await pages.newPage();
    await page.goto('/console/connections');
    await pages.signIn(page, stack.env.config.ADMIN_TOKEN);
    expect(await page.locator('main').innerText()).toContain('Not connected.');
    await page.getByRole('button', { name: 'Connect HubSpot' }).click();
    await page.waitForURL(/\/connections\/hubspot\/callback/);
    expect(await pages.heading(page)).toBe('Connected');
    await page.getByRole('link', { name: 'Back to the console' }).click();
    expect(await page.locator('.hubspot-state').innerText()).toBe('connected');
    expect(await page.locator('.hubspot-portal').innerText()).toBe(String(hubspot.defaultPortal.portalId));
    await pages.shot(page, 'connections');
    await context.close();

    const record = await eventually(async () => {
      const [connection] = await stack.api.db.select().from(schema.hubspotConnections);
      const type = connection?.objectTypeIds.licenses;
      return type
        ? hubspot.records(type).find((r) => r.properties.licensync_license_id === license.id)
        : undefined;
    }, 20_000);
    const contact = await eventually(
      async () => hubspot.records('0-1').find((r) => r.properties.email === 'ada@example.com'),
      20_000,
    );
    const licenseLink = record.properties.admin_url!;
    const customerLink = contact.properties.licensync_customer_url!;
    expect(licenseLink).toBe(`${base}/console/licenses/${license.id}?workspace=default`);
    expect(customerLink).toBe(`${base}/console/customers/${license.customerId}?workspace=default`);

    // A click from HubSpot: not signed in yet, so sign-in first, then the record's page.
    const fromHubspot = await pages.newPage();
    await fromHubspot.page.goto(licenseLink);
    await pages.signIn(fromHubspot.page, stack.env.config.ADMIN_TOKEN);
    expect(fromHubspot.page.url()).toBe(licenseLink);
    expect(await pages.heading(fromHubspot.page)).toBe(`License ${license.licenseKey}`);
    const customer = await fromHubspot.page.goto(customerLink);
    expect(customer!.status()).toBe(200);
    expect(await pages.heading(fromHubspot.page)).toBe('Customer ada@example.com');
    expect(await fromHubspot.page.locator('main').innerText()).toContain(license.licenseKey!);
    await pages.shot(fromHubspot.page, 'customer-detail');
    // Links earlier versions wrote (the admin API's paths) land on the same pages.
    await fromHubspot.page.goto(`/api/v1/licenses/${license.id}`);
    expect(fromHubspot.page.url()).toBe(`${base}/console/licenses/${license.id}`);
    await fromHubspot.page.goto(`/api/v1/customers/${license.customerId}`);
    expect(await pages.heading(fromHubspot.page)).toBe('Customer ada@example.com');
    await fromHubspot.context.close();
  });
});
