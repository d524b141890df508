import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';

const REAL_KEY = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('gives working defaults for local use', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.STRIPE_API_BASE).toBeUndefined();
    expect(config.MIGRATE_ON_START).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid environment variable PORT: /],
    [{ DATABASE_URL: 'not a url' }, /^Invalid environment variable DATABASE_URL: /],
    [{ STRIPE_WEBHOOK_SECRET: 'secret' }, /^Invalid environment variable STRIPE_WEBHOOK_SECRET: /],
    [{ STRIPE_API_BASE: '127.0.0.1:12111' }, /^Invalid environment variable STRIPE_API_BASE: /],
    [{ MIGRATE_ON_START: 'yes' }, /^Invalid environment variable MIGRATE_ON_START: /],
  ])('names the bad variable in one line: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it.each(['ADMIN_TOKEN', 'STRIPE_WEBHOOK_SECRET', 'ENCRYPTION_KEY'])(
    'refuses the shipped %s in production',
    (name) => {
      expect(() =>
        loadConfig({
          NODE_ENV: 'production',
          ADMIN_TOKEN: 'a-real-long-admin-token',
          STRIPE_WEBHOOK_SECRET: 'whsec_real',
          ENCRYPTION_KEY: REAL_KEY,
          [name]: undefined,
        }),
      ).toThrow(new RegExp(`^Invalid environment variable ${name}: set a real secret in production`));
      expect(() =>
        loadConfig({
          NODE_ENV: 'production',
          ADMIN_TOKEN: 'a-real-long-admin-token',
          STRIPE_WEBHOOK_SECRET: 'whsec_real',
          ENCRYPTION_KEY: REAL_KEY,
        }),
      ).not.toThrow();
    },
  );

  it('refuses an ENCRYPTION_KEY that is not 32 bytes of base64', () => {
    expect(() => loadConfig({ ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /ENCRYPTION_KEY: must be 32 bytes/,
    );
  });

  it.each(['0.0.0.0', '::', '192.168.1.10'])(
    'refuses the shipped secrets when HOST=%s, in any NODE_ENV',
    (host) => {
      expect(() => loadConfig({ HOST: host })).toThrow(
        `Invalid environment variable ADMIN_TOKEN: set a real secret when HOST=${host} listens beyond loopback, not the example value`,
      );
      expect(() =>
        loadConfig({
          HOST: host,
          ADMIN_TOKEN: 'a-real-long-admin-token',
          STRIPE_WEBHOOK_SECRET: 'whsec_real',
        }),
      ).toThrow(/^Invalid environment variable ENCRYPTION_KEY: set a real secret when HOST=/);
      expect(() =>
        loadConfig({
          HOST: host,
          ADMIN_TOKEN: 'a-real-long-admin-token',
          STRIPE_WEBHOOK_SECRET: 'whsec_real',
          ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        }),
      ).not.toThrow();
      expect(loadConfig({ HOST: 'localhost' }).HOST).toBe('localhost');
    },
  );

  it('refuses a cron pattern BullMQ could not schedule', () => {
    expect(() => loadConfig({ RESYNC_CRON: '99 99 * * *' })).toThrow(
      /^Invalid environment variable RESYNC_CRON: not a valid cron pattern "99 99 \* \* \*"/,
    );
    expect(loadConfig({ RESYNC_CRON: '*/30 * * * *' }).RESYNC_CRON).toBe('*/30 * * * *');
  });

  it('reads X_FILE secrets and puts DATABASE_PASSWORD into the URL', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'secrets-'));
    writeFileSync(path.join(dir, 'admin_token'), 'token-from-a-secret-file\n');
    writeFileSync(path.join(dir, 'pg'), 'p@ss:word/1\n');
    const config = loadConfig({
      ADMIN_TOKEN_FILE: path.join(dir, 'admin_token'),
      DATABASE_URL: 'postgres://licensync@postgres:5432/licensync',
      DATABASE_PASSWORD_FILE: path.join(dir, 'pg'),
    });
    expect(config.ADMIN_TOKEN).toBe('token-from-a-secret-file');
    expect(new URL(config.DATABASE_URL).password).toBe(encodeURIComponent('p@ss:word/1'));
    expect(decodeURIComponent(new URL(config.DATABASE_URL).password)).toBe('p@ss:word/1');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ STRIPE_API_BASE: '' }).STRIPE_API_BASE).toBeUndefined();
  });
});
