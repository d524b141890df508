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

  it('treats empty strings as unset', () => {
    expect(loadConfig({ STRIPE_API_BASE: '' }).STRIPE_API_BASE).toBeUndefined();
  });
});
