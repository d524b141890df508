import { createApiRuntime } from '@licensync/api';
import { type ApiStack, startApi } from '@licensync/test-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli';

// The ledger commands act on the workspace `--workspace` or LICENSYNC_WORKSPACE names, like the others.
let stack: ApiStack<Awaited<ReturnType<typeof createApiRuntime>>>;
let env: Record<string, string>;
const cli = (args: string[], extraEnv: Record<string, string> = {}) => runCli(args, { ...env, ...extraEnv });
const json = async (args: string[], extraEnv: Record<string, string> = {}) => {
  const run = await cli([...args, '--json'], extraEnv);
  expect(run.stderr, args.join(' ')).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};
const LIVE = { LICENSYNC_WORKSPACE: 'live' };

beforeAll(async () => {
  stack = await startApi(createApiRuntime);
  env = { LICENSYNC_URL: stack.api.url, LICENSYNC_ADMIN_TOKEN: stack.env.config.ADMIN_TOKEN };
  expect((await cli(['workspaces', 'create', 'live', '--name', 'Live mode'])).code).toBe(0);
  expect((await cli(['--workspace', 'live', 'catalog', 'import', 'examples/catalog.yaml'])).code).toBe(0);
});
afterAll(() => stack.close());

describe('ledger commands in a named workspace', () => {
  it('orders, licenses and customers of `live` are seen there only', async () => {
    const order = await json([
      '--workspace',
      'live',
      'orders',
      'create',
      '--email',
      'grace@example.com',
      '--product',
      'pro',
      '--policy',
      'annual',
    ]);
    const licenseId = order.licenses[0].id;
    // The default workspace has no catalog: the same order there is refused, not made in `live`.
    const inDefault = await cli(['orders', 'create', '--email', 'grace@example.com', '--product', 'pro']);
    expect(inDefault.code).not.toBe(0);

    expect((await json(['licenses', 'list'], LIVE)).data.map((l: { id: string }) => l.id)).toEqual([
      licenseId,
    ]);
    expect((await json(['licenses', 'list'])).data).toEqual([]);
    expect((await cli(['licenses', 'show', licenseId])).code).not.toBe(0);
    expect((await json(['licenses', 'show', licenseId], LIVE)).id).toBe(licenseId);

    expect((await cli(['licenses', 'update', licenseId, '--max-activations', '9'])).code).not.toBe(0);
    const updated = await json(['licenses', 'update', licenseId, '--max-activations', '9'], LIVE);
    expect(updated.license.max_activations).toBe(9);

    expect((await json(['customers', 'search', 'grace@example.com'])).data).toEqual([]);
    const [found] = (await json(['--workspace', 'live', 'customers', 'search', 'grace@example.com'])).data;
    expect(found.id).toBe(order.customer_id);
    expect((await cli(['customers', 'show', found.id])).code).not.toBe(0);
    expect((await json(['customers', 'show', found.id], LIVE)).licenses).toHaveLength(1);
  });

  it('settings set changes the named workspace only; --workspace wins over the environment', async () => {
    const before = await json(['settings', 'get']);
    const set = await cli(['--workspace', 'live', 'settings', 'set', 'resync_cron=11 2 * * *'], {
      LICENSYNC_WORKSPACE: 'default',
    });
    expect(set.code).toBe(0);
    expect(await json(['settings', 'get'])).toEqual(before);
    expect(await json(['settings', 'get'], LIVE)).toMatchObject({ resync_cron: '11 2 * * *' });
  });

  it('an unknown workspace is a clear error, not the default workspace', async () => {
    const run = await cli(['licenses', 'list'], { LICENSYNC_WORKSPACE: 'nope' });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('unknown workspace nope');
  });
});
