import { createServer, type Server } from 'node:net';
import {
  createTestEnv,
  databaseUrl,
  stampedName,
  TEST_DB_PREFIX,
  type TestEnv,
  withAdmin,
} from '@licensync/test-env';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENTRIES, type EntryRun, runEntry } from './support/run-entry';

// Each process compiles the sources through tsx first: slow on a busy 2-core machine, so they run
// one after another with room to spare rather than racing a short timeout.
vi.setConfig({ testTimeout: 60_000 });

// Each start-up problem must end the process with a non-zero code and exactly one line on stderr
// that names the variable or the missing step: no stack trace, no SQL.
let env: TestEnv;
let holder: Server;
let heldPort: number;
const emptyDb = stampedName(TEST_DB_PREFIX);
beforeAll(async () => {
  env = await createTestEnv();
  await withAdmin((c) => c.query(`create database "${emptyDb}"`));
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  heldPort = (holder.address() as { port: number }).port;
});
afterAll(async () => {
  holder.close();
  await withAdmin((c) => c.query(`drop database if exists "${emptyDb}" with (force)`));
  await env.cleanup();
});

/** A migrated database and this file's queue prefix, as a process's environment. */
const base = () => ({
  DATABASE_URL: env.config.DATABASE_URL,
  REDIS_URL: env.config.REDIS_URL,
  QUEUE_PREFIX: env.config.QUEUE_PREFIX,
  PORT: '0',
  WORKER_PORT: '0',
});

function expectOneLine(run: EntryRun, pattern: RegExp): void {
  expect(run.code, run.stderr).not.toBe(0);
  expect(run.code).not.toBeNull();
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe.each(['api', 'worker'] as const)('%s', (name) => {
  it('PORT=abc names the variable', async () => {
    const run = await runEntry(ENTRIES[name], { ...base(), PORT: 'abc' });
    expectOneLine(run, new RegExp(`^${name}: Invalid environment variable PORT: `));
  });

  it('a bad RESYNC_CRON is refused at start', async () => {
    const run = await runEntry(ENTRIES[name], { ...base(), RESYNC_CRON: '99 99 * * *' });
    expectOneLine(
      run,
      /: Invalid environment variable RESYNC_CRON: not a valid cron pattern "99 99 \* \* \*"/,
    );
  });

  it('an unmigrated database names the step that fixes it', async () => {
    const run = await runEntry(ENTRIES[name], { ...base(), DATABASE_URL: databaseUrl(emptyDb) });
    expectOneLine(
      run,
      new RegExp(
        `^${name}: database "${emptyDb}" is missing \\d+ of \\d+ migrations: run \`pnpm db:migrate\``,
      ),
    );
  });
});

it('a port another process holds makes the api exit instead of pretending to listen', async () => {
  const run = await runEntry(ENTRIES.api, { ...base(), PORT: String(heldPort) });
  expectOneLine(run, new RegExp(`^api: PORT=${heldPort} is already in use on 127\\.0\\.0\\.1`));
});

it('a WORKER_PORT another process holds makes the worker exit', async () => {
  const run = await runEntry(ENTRIES.worker, { ...base(), WORKER_PORT: String(heldPort) });
  expectOneLine(run, new RegExp(`^worker: WORKER_PORT=${heldPort} is already in use`));
});

it('the published dev secrets are refused when HOST listens beyond loopback', async () => {
  const run = await runEntry(ENTRIES.api, { ...base(), HOST: '0.0.0.0' });
  expectOneLine(
    run,
    /^api: Invalid environment variable ADMIN_TOKEN: set a real secret when HOST=0\.0\.0\.0/,
  );
});

it('migrate: a bad variable is one line too', async () => {
  const run = await runEntry(ENTRIES.migrate, { DATABASE_URL: 'not a url' });
  expectOneLine(run, /^migrate: Invalid environment variable DATABASE_URL: /);
});
