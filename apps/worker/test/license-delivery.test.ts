import {
  customerLinkKey,
  issuePasswordSetToken,
  purgePasswordSetTokens,
  signCustomerLink,
} from '@licensync/core/deliveries';
import { setLicenseUserPassword } from '@licensync/core/license-users';
import * as schema from '@licensync/core/schema';
import { type MailSink, startMailSink } from '@licensync/fakes/smtp';
import { eventually } from '@licensync/test-env';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
let sink: MailSink;

beforeAll(async () => {
  sink = await startMailSink();
  stack = await startStack({
    env: {
      SMTP_URL: sink.url,
      SMTP_FROM: 'Acme <keys@acme.test>',
      HUBSPOT_SYNC_POLL_MS: '100',
      JOB_BACKOFF_MS: '50',
    },
  });
});
afterAll(async () => {
  await stack.close();
  await sink.close();
});

const order = async (email: string, product: string, quantity = 1) => {
  const res = await stack.call('POST', '/orders', {
    customer: { email, first_name: 'Ann' },
    product,
    quantity,
  });
  expect(res.status).toBe(201);
  return res.body;
};
const licensesOf = (email: string) =>
  stack.api.db
    .select({ license: schema.licenses })
    .from(schema.licenses)
    .innerJoin(schema.customers, eq(schema.customers.id, schema.licenses.customerId))
    .where(eq(schema.customers.email, email))
    .then((rows) => rows.map((r) => r.license));
const deliveriesTo = (recipient: string) =>
  stack.api.db
    .select()
    .from(schema.licenseDeliveries)
    .where(eq(schema.licenseDeliveries.recipient, recipient));
/** The link of a mail, sent to this api instead of PUBLIC_URL. */
const linkIn = (text: string, path: string) => {
  const match = text.match(new RegExp(`https?://\\S+${path}\\?token=[\\w.-]+`));
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  const url = new URL(match[0]);
  return `${stack.api.url}${url.pathname}${url.search}`;
};
const form = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
interface LicenseAnswer {
  ok?: boolean;
  added?: boolean;
  license?: { id: string };
}
const licenseApi = (path: string, body: Record<string, unknown>) =>
  fetch(`${stack.api.url}/license/v1/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ product: 'team', ...body }),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as LicenseAnswer }));
const historyOf = async (licenseId: string): Promise<{ kind: string; message: string; actor: string }[]> =>
  (await stack.call('GET', `/history?license_id=${licenseId}`)).body.data;
const historyKinds = async (licenseId: string) => (await historyOf(licenseId)).map((e) => e.kind);

describe('delivery of license keys', () => {
  it('mails the customer their key, in a plain-text and an HTML part, and records it in the history', async () => {
    await order('ann@example.com', 'pro', 2);
    const [mail] = await sink.waitFor({ to: 'ann@example.com' });
    const licenses = await licensesOf('ann@example.com');
    expect(licenses).toHaveLength(2);
    expect(mail!.from).toBe('keys@acme.test');
    expect(mail!.subject).toMatch(/licenses$/);
    for (const l of licenses) {
      expect(mail!.text).toContain(`License key: ${l.licenseKey}`);
      expect(mail!.html).toContain(`<code>${l.licenseKey}</code>`);
    }
    expect(mail!.parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    await eventually(async () => (await deliveriesTo('ann@example.com'))[0]?.status === 'sent');
    const [row] = await deliveriesTo('ann@example.com');
    expect(row).toMatchObject({ reason: 'created', attempts: 1, lastError: null });
    expect(row!.messageId).toBeTruthy();
    expect(await historyKinds(licenses[0]!.id)).toContain('delivery.sent');
  });

  it('a Stripe purchase mails its buyer once, however often Stripe delivers the event', async () => {
    const { sim } = stack.fake;
    const product = sim.createProduct({ name: 'Acme Pro', metadata: { short_code: 'pro' } }).product;
    const price = sim.createPrice({ product: product.id, unit_amount: 9900 }).price;
    const { events } = sim.checkout({
      customer_email: 'stripe-buyer@example.com',
      mode: 'payment',
      lineItems: [{ price: price.id, quantity: 1 }],
    });
    const completed = events.filter((e) => e.type === 'checkout.session.completed');
    await stack.deliver(completed);
    const [mail] = await sink.waitFor({ to: 'stripe-buyer@example.com' });
    const [license] = await licensesOf('stripe-buyer@example.com');
    expect(mail!.text).toContain(license!.licenseKey!);
    await stack.deliver(completed);
    await stack.settled(completed);
    const rows = await deliveriesTo('stripe-buyer@example.com');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reason: 'created', actor: 'system' });
    expect(sink.mails.filter((m) => m.to.includes('stripe-buyer@example.com'))).toHaveLength(1);
  });

  it("the customer page lists the licenses and frees a machine's seat; a forged or expired link opens nothing", async () => {
    const [mail] = await sink.waitFor({ to: 'ann@example.com' });
    const page = linkIn(mail!.text, '/customer/v1/page');
    const [license] = await licensesOf('ann@example.com');
    const [seat] = await stack.api.db
      .insert(schema.licenseActivations)
      .values({
        workspaceId: stack.workspaceId,
        licenseId: license!.id,
        hardwareId: 'hw-<b>1</b>',
        os: 'linux',
      })
      .returning();
    await stack.api.db
      .update(schema.licenses)
      .set({ activationsInUse: 1 })
      .where(eq(schema.licenses.id, license!.id));

    const opened = await fetch(page);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
    expect(opened.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await opened.text();
    expect(body).toContain(license!.licenseKey!);
    expect(body).toContain('hw-&lt;b&gt;1&lt;/b&gt;');
    expect(body).not.toContain('<b>1</b>');

    const token = new URL(page).searchParams.get('token')!;
    const freed = await form(`${stack.api.url}/customer/v1/page/deactivate`, {
      token,
      activation_id: seat!.id,
    });
    expect(freed.status).toBe(303);
    const [after] = await stack.api.db
      .select()
      .from(schema.licenseActivations)
      .where(eq(schema.licenseActivations.id, seat!.id));
    expect(after!.deactivatedAt).not.toBeNull();
    const [counted] = await stack.api.db
      .select()
      .from(schema.licenses)
      .where(eq(schema.licenses.id, license!.id));
    expect(counted!.activationsInUse).toBe(0);
    const again = await (await fetch(`${stack.api.url}${freed.headers.get('location')}`)).text();
    expect(again).toContain('The seat is free.');
    expect(again).not.toContain('hw-&lt;b&gt;1');

    // Another customer's seat cannot be freed with this link.
    await order('bob@example.com', 'pro');
    const [bobs] = await licensesOf('bob@example.com');
    const [bobSeat] = await stack.api.db
      .insert(schema.licenseActivations)
      .values({ workspaceId: stack.workspaceId, licenseId: bobs!.id, hardwareId: 'bob-hw' })
      .returning();
    await form(`${stack.api.url}/customer/v1/page/deactivate`, { token, activation_id: bobSeat!.id });
    const [bobAfter] = await stack.api.db
      .select()
      .from(schema.licenseActivations)
      .where(eq(schema.licenseActivations.id, bobSeat!.id));
    expect(bobAfter!.deactivatedAt).toBeNull();

    const [body64, sig] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body64, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, c: bobs!.customerId })).toString('base64url')}.${sig}`;
    expect((await fetch(`${stack.api.url}/customer/v1/page?token=${forged}`)).status).toBe(410);
    const expired = signCustomerLink(
      {
        workspaceId: stack.workspaceId,
        customerId: license!.customerId,
        expiresAt: Math.floor(Date.now() / 1000) - 1,
      },
      customerLinkKey(stack.env.config.ENCRYPTION_KEY),
    );
    expect((await fetch(`${stack.api.url}/customer/v1/page?token=${expired}`)).status).toBe(410);
    expect(
      (
        await form(`${stack.api.url}/customer/v1/page/deactivate`, {
          token: expired,
          activation_id: bobSeat!.id,
        })
      ).status,
    ).toBe(410);
  });

  it('a user license mails a password link that works once, then expires', async () => {
    await order('una@example.com', 'team');
    const [mail] = await sink.waitFor({ to: 'una@example.com' });
    expect(mail!.text).not.toContain('License key');
    const link = linkIn(mail!.text, '/customer/v1/password');
    const token = new URL(link).searchParams.get('token')!;
    const opened = await fetch(link);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('una@example.com');

    const tooShort = await form(`${stack.api.url}/customer/v1/password`, { token, password: 'short' });
    expect(tooShort.status).toBe(400);
    const set = await form(`${stack.api.url}/customer/v1/password`, {
      token,
      password: 'correct horse battery',
    });
    expect(set.status).toBe(200);
    const [license] = await licensesOf('una@example.com');
    const [user] = await stack.api.db
      .select()
      .from(schema.licenseUsers)
      .where(
        and(eq(schema.licenseUsers.licenseId, license!.id), eq(schema.licenseUsers.email, 'una@example.com')),
      );
    expect(user!.passwordHash).toMatch(/^scrypt\$/);

    const twice = await form(`${stack.api.url}/customer/v1/password`, {
      token,
      password: 'another password',
    });
    expect(twice.status).toBe(410);
    expect((await fetch(link)).status).toBe(410);
    const [still] = await stack.api.db
      .select()
      .from(schema.licenseUsers)
      .where(eq(schema.licenseUsers.licenseId, license!.id));
    expect(still!.passwordHash).toBe(user!.passwordHash);

    const stale = await issuePasswordSetToken(stack.api.db, {
      workspaceId: stack.workspaceId,
      licenseId: license!.id,
      email: 'una@example.com',
      deliveryId: null,
      expiresAt: new Date(Date.now() - 1000),
    });
    expect((await fetch(`${stack.api.url}/customer/v1/password?token=${stale}`)).status).toBe(410);
    expect(
      (await form(`${stack.api.url}/customer/v1/password`, { token: stale, password: 'long enough!' }))
        .status,
    ).toBe(410);
    // Once past the retention, expired links are deleted; live ones stay.
    const purged = await purgePasswordSetTokens(stack.api.db, 0);
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(
      await stack.api.db
        .select()
        .from(schema.passwordSetTokens)
        .where(eq(schema.passwordSetTokens.email, 'una@example.com')),
    ).toEqual([expect.objectContaining({ usedAt: expect.any(Date) })]);
  });

  it('a user added by the license manager is invited: password link, then activate with email and password', async () => {
    await order('lead@example.com', 'team');
    await sink.waitFor({ to: 'lead@example.com' });
    const [license] = await licensesOf('lead@example.com');
    await stack.api.db
      .update(schema.licenses)
      .set({ maxLicenseUsers: 3 })
      .where(eq(schema.licenses.id, license!.id));
    await stack.api.db
      .update(schema.licenseUsers)
      .set({ isManager: true })
      .where(eq(schema.licenseUsers.licenseId, license!.id));
    await setLicenseUserPassword(stack.api.db, {
      workspaceId: stack.workspaceId,
      licenseId: license!.id,
      email: 'lead@example.com',
      password: 'lead secret 123',
      actor: 'test',
    });
    const manager = { email: 'lead@example.com', password: 'lead secret 123' };
    const added = await licenseApi('users/add', { ...manager, user_email: 'Dev@Example.com' });
    expect(added.body).toMatchObject({ ok: true, added: true });
    // Adding again is a no-op and owes no second mail.
    expect((await licenseApi('users/add', { ...manager, user_email: 'dev@example.com' })).body.added).toBe(
      false,
    );

    const [mail] = await sink.waitFor({ to: 'dev@example.com' });
    const link = linkIn(mail!.text, '/customer/v1/password');
    const token = new URL(link).searchParams.get('token')!;
    expect(await (await fetch(link)).text()).toContain('dev@example.com');
    const set = await form(`${stack.api.url}/customer/v1/password`, { token, password: 'dev password 42' });
    expect(set.status).toBe(200);
    const activated = await licenseApi('activate', {
      email: 'dev@example.com',
      password: 'dev password 42',
      hardware_id: 'dev-laptop',
    });
    expect(activated.status).toBe(200);
    expect(activated.body.license?.id).toBe(license!.id);

    const rows = await deliveriesTo('dev@example.com');
    expect(rows).toEqual([
      expect.objectContaining({
        reason: 'user_added',
        actor: 'user:lead@example.com',
        licenseIds: [license!.id],
      }),
    ]);
    // The manager got no second mail for someone else's invitation.
    expect(sink.mails.filter((m) => m.to.includes('lead@example.com'))).toHaveLength(1);
  });

  it('a Stripe buyer of a user license is its first user and manager: password link, then users/add', async () => {
    const { sim } = stack.fake;
    const product = sim.createProduct({ name: 'Acme Team', metadata: { short_code: 'team' } }).product;
    // No assign_customer_as_user: the reference makes the buyer the manager of a user license anyway.
    const price = sim.createPrice({
      product: product.id,
      unit_amount: 4900,
      metadata: { max_license_users: '3' },
    }).price;
    const { events } = sim.checkout({
      customer_email: 'Team.Buyer@Example.com',
      mode: 'payment',
      lineItems: [{ price: price.id, quantity: 1 }],
    });
    await stack.deliver(events.filter((e) => e.type === 'checkout.session.completed'));
    const [mail] = await sink.waitFor({ to: 'team.buyer@example.com' });
    const token = new URL(linkIn(mail!.text, '/customer/v1/password')).searchParams.get('token')!;
    const set = await form(`${stack.api.url}/customer/v1/password`, { token, password: 'buyer password 1' });
    expect(set.status).toBe(200);
    const buyer = { email: 'Team.Buyer@Example.com', password: 'buyer password 1' };
    expect((await licenseApi('activate', { ...buyer, hardware_id: 'buyer-box' })).status).toBe(200);
    const added = await licenseApi('users/add', { ...buyer, user_email: 'colleague@example.com' });
    expect(added.body).toMatchObject({ ok: true, added: true });
    await sink.waitFor({ to: 'colleague@example.com' });
  });

  it('the password link of a user the manager removed opens the "link expired" page', async () => {
    const manager = { email: 'lead@example.com', password: 'lead secret 123' };
    expect((await licenseApi('users/add', { ...manager, user_email: 'temp@example.com' })).body.added).toBe(
      true,
    );
    const [mail] = await sink.waitFor({ to: 'temp@example.com' });
    const link = linkIn(mail!.text, '/customer/v1/password');
    const token = new URL(link).searchParams.get('token')!;
    expect((await fetch(link)).status).toBe(200);
    expect((await licenseApi('users/remove', { ...manager, user_email: 'temp@example.com' })).status).toBe(
      200,
    );
    const opened = await fetch(link);
    expect(opened.status).toBe(410);
    expect(opened.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await opened.text()).toContain('This link has expired');
    const posted = await form(`${stack.api.url}/customer/v1/password`, {
      token,
      password: 'temp password 1',
    });
    expect(posted.status).toBe(410);
    expect(posted.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await posted.text()).toContain('This link has expired');
    // A link issued for someone who is not (or no longer) a user of the license opens nothing either.
    const [license] = await licensesOf('lead@example.com');
    const ghost = await issuePasswordSetToken(stack.api.db, {
      workspaceId: stack.workspaceId,
      licenseId: license!.id,
      email: 'ghost@example.com',
      deliveryId: null,
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect((await fetch(`${stack.api.url}/customer/v1/password?token=${ghost}`)).status).toBe(410);
    const ghostPost = await form(`${stack.api.url}/customer/v1/password`, {
      token: ghost,
      password: 'long enough!',
    });
    expect(ghostPost.status).toBe(410);
    expect(await ghostPost.text()).toContain('This link has expired');
  });

  it('resends from the admin API, recorded with the operator as actor', async () => {
    const [license] = await licensesOf('bob@example.com');
    await sink.waitFor({ to: 'bob@example.com' });
    const res = await stack.call('POST', '/deliveries', { license_ids: [license!.id] });
    expect(res.status).toBe(202);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        recipient: 'bob@example.com',
        reason: 'resend',
        actor: 'admin-token',
        status: 'pending',
      }),
    ]);
    const mails = await sink.waitFor({ to: 'bob@example.com', count: 2 });
    expect(mails[1]!.text).toContain(license!.licenseKey!);
    const listed = await stack.call('GET', `/deliveries?license_id=${license!.id}`);
    expect(listed.body.data.map((d: { reason: string }) => d.reason)).toEqual(['resend', 'created']);
    expect(
      (await stack.call('POST', '/deliveries', { license_ids: ['00000000-0000-4000-8000-000000000000'] }))
        .status,
    ).toBe(404);
    expect((await stack.call('POST', '/deliveries', { license_ids: [] })).status).toBe(400);
  });

  it('the deliver_licenses setting off: no mail for new licenses, and a resend is refused', async () => {
    const off = await stack.call('PATCH', '/settings', { deliver_licenses: false });
    expect(off.body.settings.deliver_licenses).toBe(false);
    await order('quiet@example.com', 'pro');
    const [license] = await licensesOf('quiet@example.com');
    expect(license).toBeDefined();
    expect(await deliveriesTo('quiet@example.com')).toEqual([]);
    const resend = await stack.call('POST', '/deliveries', { license_ids: [license!.id] });
    expect(resend.status).toBe(422);
    expect(resend.body.error).toContain('deliver_licenses');
    // A mail recorded before the switch is skipped, with the reason in the history.
    const [pending] = await stack.api.db
      .insert(schema.licenseDeliveries)
      .values({
        workspaceId: stack.workspaceId,
        customerId: license!.customerId,
        recipient: 'quiet@example.com',
        licenseIds: [license!.id],
        reason: 'created',
        actor: 'system',
      })
      .returning();
    await eventually(async () => (await deliveriesTo('quiet@example.com'))[0]?.status === 'skipped');
    expect(await historyKinds(license!.id)).toContain('delivery.skipped');
    expect(sink.mails.filter((m) => m.to.includes('quiet@example.com'))).toEqual([]);
    expect(pending!.status).toBe('pending');
    // A user added by a manager while delivery is off is not mailed either.
    const [lead] = await licensesOf('lead@example.com');
    const manager = { email: 'lead@example.com', password: 'lead secret 123' };
    expect((await licenseApi('users/add', { ...manager, user_email: 'silent@example.com' })).body.added).toBe(
      true,
    );
    expect(lead).toBeDefined();
    expect(await deliveriesTo('silent@example.com')).toEqual([]);
    await stack.call('PATCH', '/settings', { deliver_licenses: true });
  });

  it('a mail server that says "try later" is retried; one that refuses the mailbox fails for good', async () => {
    sink.failNext(1, 451);
    await order('later@example.com', 'pro');
    await sink.waitFor({ to: 'later@example.com' });
    await eventually(async () => (await deliveriesTo('later@example.com'))[0]?.status === 'sent');
    expect((await deliveriesTo('later@example.com'))[0]!.attempts).toBe(2);

    sink.failNext(1, 550);
    await order('nobody@example.com', 'pro');
    await eventually(async () => (await deliveriesTo('nobody@example.com'))[0]?.lastError !== null);
    const [failed] = await deliveriesTo('nobody@example.com');
    expect(failed!.status).toBe('failed');
    expect(failed!.lastError).toContain('refused by the mail sink');
    const [license] = await licensesOf('nobody@example.com');
    // The delivery log says so too.
    const listed = await stack.call('GET', `/deliveries?license_id=${license!.id}`);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ status: 'failed', last_error: expect.stringContaining('refused') }),
    ]);
    const entries = await historyOf(license!.id);
    expect(entries.find((e) => e.kind === 'delivery.failed')?.message).toContain('for good');
  });

  it('a product template replaces the built-in one; a broken template is refused', async () => {
    const bad = await stack.call('PUT', '/products/pro/delivery_template', {
      subject: 's',
      text: '{{#licenses}}',
      html: 'h',
    });
    expect(bad.status).toBe(422);
    const put = await stack.call('PUT', '/products/pro/delivery_template', {
      subject: 'Keys for {{customer_email}}',
      text: '{{#licenses}}KEY {{license_key}}\n{{/licenses}}',
      html: '<p>{{#licenses}}<b>{{license_key}}</b>{{/licenses}}</p>',
    });
    expect(put.status).toBe(200);
    expect(put.body.source).toBe('product');
    expect((await stack.call('GET', '/delivery_template')).body.source).toBe('default');
    await order('tpl@example.com', 'pro');
    const [mail] = await sink.waitFor({ to: 'tpl@example.com' });
    const [license] = await licensesOf('tpl@example.com');
    expect(mail!.subject).toBe('Keys for tpl@example.com');
    expect(mail!.text.trim()).toBe(`KEY ${license!.licenseKey}`);
    expect(mail!.html).toContain(`<b>${license!.licenseKey}</b>`);
    expect((await stack.call('DELETE', '/products/pro/delivery_template')).body.source).toBe('default');
    expect((await stack.call('GET', '/products/nope/delivery_template')).status).toBe(404);
  });
});
