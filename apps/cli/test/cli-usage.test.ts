import { execFile } from 'node:child_process';
import * as schema from '@licensync/core/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cliPackage from '../package.json' with { type: 'json' };
import { repoRoot, runCli } from './support/run-cli';
import { type Stack, startStack } from './support/start-stack';

// No worker: resyncs stay queued, which is what `resync --wait` must notice.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(() => stack.close());

const cli = (...args: string[]) => stack.cli(...args);

describe('help and version', () => {
  it('--version prints the version and exits 0', async () => {
    const run = await cli('--version');
    expect(run).toMatchObject({ code: 0, stdout: `${cliPackage.version}\n`, stderr: '' });
  });

  it.each([
    [['help', 'status'], 'licensync status'],
    [['help', 'history'], 'licensync history'],
    [['help', 'failures'], 'licensync failures'],
    [['failures', 'help', 'replay'], 'licensync failures replay'],
  ])('%j exits 0 with that command’s usage', async (args, usage) => {
    const run = await cli(...args);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: ${usage} [options]`);
  });

  it('pnpm exec licensync runs the installed bin with nothing but its own output', async () => {
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        'pnpm',
        ['exec', 'licensync', '--version'],
        { cwd: repoRoot, timeout: 30_000 },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      ),
    );
    expect(run).toEqual({ code: 0, stdout: `${cliPackage.version}\n`, stderr: '' });
  });
});

describe('usage errors exit 2 and say what is wrong', () => {
  it.each([
    ['a missing argument', ['history'], "missing required argument 'ref'"],
    ['an unknown option', ['status', '--nope'], "unknown option '--nope'"],
    ['a reference that is no id', ['history', 'hello world'], 'cannot tell what "hello world" is'],
    [
      'a bad --give-up-after',
      ['resync', 'stripe-reconcile', '--wait', '--give-up-after', 'x'],
      '--give-up-after',
    ],
  ])('%s', async (_name, args, message) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('a missing token says so, before calling the api', async () => {
    const run = await runCli(['failures', 'list'], { LICENSYNC_URL: stack.api.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "error: no admin token: pass --token or set LICENSYNC_ADMIN_TOKEN (or ADMIN_TOKEN) to the api's ADMIN_TOKEN\n",
    );
  });
});

describe('resync', () => {
  it('--scope customer: takes a Stripe customer id as well as ours, and names both when neither matches', async () => {
    const [customer] = await stack.api.db
      .insert(schema.customers)
      .values({
        workspaceId: stack.workspaceId,
        email: 'scope@example.com',
        stripeCustomerId: 'cus_Scope1',
      })
      .returning();
    const byStripe = await cli('resync', 'hubspot-resync', '--scope', 'customer:cus_Scope1', '--json');
    expect(byStripe.code).toBe(0);
    expect(JSON.parse(byStripe.stdout)).toMatchObject({
      scope: `customer:${customer!.id}`,
      status: 'queued',
    });
    // The same customer by our id is the same active run.
    const byOurs = await cli('resync', 'hubspot-resync', '--scope', `customer:${customer!.id}`);
    expect(byOurs.stdout).toContain('is already running');

    const unknown = await cli('resync', 'hubspot-resync', '--scope', 'customer:cus_Nobody');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no customer cus_Nobody in this workspace');
    expect(unknown.stderr).toContain('our customer id or a Stripe customer id (cus_…)');
    const malformed = await cli('resync', 'hubspot-resync', '--scope', 'customer:someone');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('customer:<id> (our customer id or a Stripe customer id, cus_…)');
  });

  it('--wait gives up with a clear message when no worker is alive', async () => {
    const started = Date.now();
    const run = await cli(
      'resync',
      'stripe-reconcile',
      '--wait',
      '--interval',
      '100',
      '--give-up-after',
      '500',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: no worker is running, so resync [0-9a-f-]{36} stays queued: start the worker/,
    );
    expect(run.stderr).toContain('licensync resync stripe-reconcile --scope workspace --wait');
    expect(Date.now() - started).toBeLessThan(15_000);
    const runs = await stack.api.db.select().from(schema.resyncRuns);
    const active = runs.find((r) => r.kind === 'stripe-reconcile');
    expect(active?.status).toBe('queued');
  });
});
