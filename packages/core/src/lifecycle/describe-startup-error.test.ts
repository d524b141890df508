import { expect, it } from 'vitest';
import { ConfigError } from '../config/config-error';
import { MigrationsPendingError } from '../db/assert-migrated';
import { describeStartupError } from './describe-startup-error';
import { ListenError } from './listen-error';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) =>
  Object.assign(new Error('Failed query: select "id" from "workspaces"\nparams: '), {
    name: 'DrizzleQueryError',
    cause,
  });
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
  code: 'ECONNREFUSED',
  address: '127.0.0.1',
  port: 5432,
});

it.each([
  [
    'a bad variable',
    new ConfigError('Invalid environment variable PORT: expected number'),
    'Invalid environment variable PORT: expected number',
  ],
  [
    'a port in use',
    new ListenError('PORT', '127.0.0.1', 3000, 'EADDRINUSE'),
    'PORT=3000 is already in use on 127.0.0.1: stop the other process or choose another PORT',
  ],
  [
    'a privileged port',
    new ListenError('WORKER_PORT', '0.0.0.0', 80, 'EACCES'),
    'WORKER_PORT=80 on 0.0.0.0 needs privileges this process lacks: choose a port above 1023',
  ],
  [
    'a HOST that is not ours',
    new ListenError('PORT', '10.9.9.9', 3000, 'EADDRNOTAVAIL'),
    'HOST=10.9.9.9 is not an address of this machine (EADDRNOTAVAIL)',
  ],
  [
    'pending migrations',
    new MigrationsPendingError('database "x" is missing 3 of 3 migrations: run `pnpm db:migrate`'),
    'database "x" is missing 3 of 3 migrations: run `pnpm db:migrate`',
  ],
  [
    'an unmigrated table behind drizzle',
    wrapped(pgError('42P01', 'relation "workspaces" does not exist')),
    'the database is not migrated: run `pnpm db:migrate` or set MIGRATE_ON_START=true (42P01)',
  ],
  [
    'a missing database',
    pgError('3D000', 'database "x" does not exist'),
    'the database does not exist: run `pnpm db:migrate`, which creates it, or set MIGRATE_ON_START=true (3D000)',
  ],
  [
    'a wrong password',
    pgError('28P01', 'password authentication failed'),
    'PostgreSQL refused the password: check DATABASE_URL and DATABASE_PASSWORD (28P01)',
  ],
  [
    'a refused connection',
    refused,
    'cannot connect to 127.0.0.1:5432 (ECONNREFUSED): is it running? check DATABASE_URL and REDIS_URL',
  ],
  [
    'happy eyeballs giving up on every address',
    new AggregateError([refused], ''),
    'cannot connect to 127.0.0.1:5432 (ECONNREFUSED): is it running? check DATABASE_URL and REDIS_URL',
  ],
  ['anything else, by name and first line', new TypeError('boom\n    at somewhere'), 'TypeError: boom'],
  ['a thrown string', 'just text', 'just text'],
])('%s', (_name, err, line) => {
  const text = describeStartupError(err);
  expect(text).toBe(line);
  expect(text).not.toContain('\n');
});
