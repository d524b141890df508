import { describe, expect, it } from 'vitest';
import { resolveFileVariables } from './resolve-file-variables';

const files: Record<string, string> = {
  '/run/secrets/admin': 'a-long-admin-token\n',
  '/run/secrets/crlf': 'whsec_from_windows\r\n',
  '/run/secrets/empty': '',
  '/run/secrets/inner': 'two\nlines\n',
};
const read = (path: string) => {
  const text = files[path];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return text;
};
const known = ['ADMIN_TOKEN', 'STRIPE_WEBHOOK_SECRET', 'HUBSPOT_ACCESS_TOKEN'];

describe('resolveFileVariables', () => {
  it.each([
    [
      'a file gives the value, without its trailing newline',
      { ADMIN_TOKEN_FILE: '/run/secrets/admin' },
      { ADMIN_TOKEN: 'a-long-admin-token' },
    ],
    [
      'a CRLF ending is dropped too',
      { STRIPE_WEBHOOK_SECRET_FILE: '/run/secrets/crlf' },
      { STRIPE_WEBHOOK_SECRET: 'whsec_from_windows' },
    ],
    ['an empty file counts as unset', { HUBSPOT_ACCESS_TOKEN_FILE: '/run/secrets/empty' }, {}],
    ['only the last newline goes', { ADMIN_TOKEN_FILE: '/run/secrets/inner' }, { ADMIN_TOKEN: 'two\nlines' }],
    [
      'unknown *_FILE variables are left alone',
      { SSL_CERT_FILE: '/etc/ssl/cert.pem' },
      { SSL_CERT_FILE: '/etc/ssl/cert.pem' },
    ],
    [
      'plain variables pass through',
      { ADMIN_TOKEN: 'plain-value-1234' },
      { ADMIN_TOKEN: 'plain-value-1234' },
    ],
  ])('%s', (_name, env, expected) => {
    expect(resolveFileVariables(env, known, read)).toEqual(expected);
  });

  it.each([
    [
      'both the variable and its file',
      { ADMIN_TOKEN: 'x', ADMIN_TOKEN_FILE: '/run/secrets/admin' },
      'Invalid environment variable ADMIN_TOKEN_FILE: set ADMIN_TOKEN or ADMIN_TOKEN_FILE, not both',
    ],
    [
      'a file that is not there',
      { ADMIN_TOKEN_FILE: '/run/secrets/missing' },
      'Invalid environment variable ADMIN_TOKEN_FILE: cannot read /run/secrets/missing (ENOENT)',
    ],
  ])('refuses %s in one line', (_name, env, message) => {
    expect(() => resolveFileVariables(env, known, read)).toThrow(message);
  });
});
