import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configureBackend } from './configure-backend';
import { withBackendUrl } from './with-backend-url';

const manifest = {
  id: 'com.licensync.licenses',
  permissions: [],
  ui_extension: {
    views: [{ viewport: 'stripe.dashboard.subscription.detail', component: 'SubscriptionLicenses' }],
    content_security_policy: { 'connect-src': null, purpose: 'Reads licenses.' },
  },
  constants: { LICENSYNC_URL: '' },
};

describe('withBackendUrl', () => {
  it.each([
    ['https://licensync.example.com', 'https://licensync.example.com'],
    ['https://licensync.example.com/', 'https://licensync.example.com'],
    ['https://example.com/licensync/', 'https://example.com/licensync'],
    ['http://localhost:3000', 'http://localhost:3000'],
  ])('%s → connect-src %s/stripe-app/ and the views’ constant', (url, base) => {
    const next = withBackendUrl(manifest, url);
    expect(next.ui_extension.content_security_policy).toEqual({
      'connect-src': [`${base}/stripe-app/`],
      purpose: 'Reads licenses.',
    });
    expect(next.constants).toEqual({ LICENSYNC_URL: base });
    expect(next.ui_extension.views).toEqual(manifest.ui_extension.views);
    expect(next.permissions).toEqual([]);
  });

  it('running it again with another URL replaces, never appends', () => {
    const twice = withBackendUrl(withBackendUrl(manifest, 'https://a.example.com'), 'https://b.example.com');
    expect(twice.ui_extension.content_security_policy['connect-src']).toEqual([
      'https://b.example.com/stripe-app/',
    ]);
  });

  it.each([
    ['not a url', /is not a URL/],
    ['http://licensync.example.com', /must be https/],
    ['ftp://licensync.example.com', /must be https/],
    ['https://licensync.example.com/?x=1', /root/],
    ['https://user:pw@licensync.example.com', /root/],
  ])('refuses %s', (url, message) => {
    expect(() => withBackendUrl(manifest, url)).toThrow(message);
  });
});

describe('the configure command', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('rewrites the manifest file in place, and leaves it alone on a bad URL', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'stripe-app-'));
    const file = path.join(dir, 'stripe-app.json');
    await writeFile(file, JSON.stringify(manifest));
    const lines: string[] = [];
    expect(
      await configureBackend(['https://licensync.example.com', '--manifest', file], (l) => lines.push(l)),
    ).toBe(0);
    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written.constants.LICENSYNC_URL).toBe('https://licensync.example.com');
    expect(written.ui_extension.content_security_policy['connect-src']).toEqual([
      'https://licensync.example.com/stripe-app/',
    ]);
    const before = await readFile(file, 'utf8');
    expect(
      await configureBackend(['http://insecure.example.com', '--manifest', file], (l) => lines.push(l)),
    ).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(lines.at(-1)).toMatch(/must be https/);
    expect(await configureBackend([], (l) => lines.push(l))).toBe(2);
  });

  it('the committed manifest is the one the command edits, with views on the real viewports', async () => {
    const committed = JSON.parse(
      await readFile(path.join(import.meta.dirname, '../stripe-app.json'), 'utf8'),
    );
    expect(committed.permissions).toEqual([]);
    expect(committed.ui_extension.views.map((v: { viewport: string }) => v.viewport).sort()).toEqual([
      'stripe.dashboard.customer.detail',
      'stripe.dashboard.invoice.detail',
      'stripe.dashboard.payment.detail',
      'stripe.dashboard.subscription.detail',
    ]);
    expect(() => withBackendUrl(committed, 'https://licensync.example.com')).not.toThrow();
  });
});
