import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  expect((await stack.cli('catalog', 'import', 'examples/catalog.yaml')).code).toBe(0);
});
afterAll(() => stack.close());

const cli = (...args: string[]) => stack.cli(...args);
const json = async (...args: string[]) => {
  const run = await cli(...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

describe('orders create', () => {
  it('creates licenses as a table, and one order per idempotency key', async () => {
    const key = randomUUID();
    const args = [
      'orders',
      'create',
      '--email',
      'ada@example.com',
      '--first-name',
      'Ada',
      '--last-name',
      'Lovelace',
    ];
    const order = [
      '--company',
      'Analytical Engines',
      '--product',
      'pro',
      '--policy',
      'annual',
      '--quantity',
      '2',
    ];
    const extras = ['--max-activations', '4', '--feature', 'batch', '--custom-field', 'support_tier=gold'];
    const run = await cli(...args, ...order, ...extras, '--idempotency-key', key);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^order \S+ for customer \S+: 2 license\(s\)/);
    expect(run.stdout).toMatch(/^ID\s+KEY\s+PRODUCT\s+POLICY\s+TYPE/m);
    expect(run.stdout.match(/ pro +annual +time-limited +enabled /g)).toHaveLength(2);

    const again = await json(...args, ...order, ...extras, '--idempotency-key', key);
    const listed = await json('licenses', 'list', '--customer-email', 'ada@example.com');
    expect(listed.data).toHaveLength(2);
    expect(again.licenses.map((l: { id: string }) => l.id).sort()).toEqual(
      listed.data.map((l: { id: string }) => l.id).sort(),
    );
    expect(again.licenses[0]).toMatchObject({
      max_activations: 4,
      features: [{ code: 'batch', max_consumption: null }],
      custom_fields: { support_tier: 'gold' },
    });
    // The same key with another order is refused (422 → exit 1) and names the key.
    const other = await cli(...args, '--product', 'pro', '--quantity', '3', '--idempotency-key', key);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('Idempotency-Key');
  });

  it('exit codes: no customer is a usage error (2), a company without a name is refused (1)', async () => {
    expect((await cli('orders', 'create', '--product', 'pro')).code).toBe(2);
    const run = await cli(
      'orders',
      'create',
      '--product',
      'pro',
      '--email',
      'x@example.com',
      '--company',
      '',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Company name can't be empty");
  });
});

describe('licenses show|list|update', () => {
  it('updates what the type allows, refuses what it does not, and shows the result', async () => {
    const order = await json(
      'orders',
      'create',
      '--email',
      'grace@example.com',
      '--product',
      'pro',
      '--policy',
      'default',
    );
    const id = order.licenses[0].id as string;
    const updated = await cli(
      'licenses',
      'update',
      id,
      '--max-activations',
      '7',
      '--add-feature',
      'batch',
      '--trial',
    );
    expect(updated.code).toBe(0);
    expect(updated.stdout).toMatch(/^changed max_activations, is_trial, features/);
    expect(updated.stdout).toMatch(/activations +7/);

    const untrial = await json('licenses', 'update', id, '--no-trial');
    expect(untrial).toMatchObject({ changed: ['is_trial'], license: { is_trial: false } });

    const refused = await cli('licenses', 'update', id, '--valid-until', '2030-01-01T00:00:00Z');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('valid_until');
    expect(refused.stderr).toContain('perpetual');
    expect((await cli('licenses', 'update', id, '--max-activations', 'many')).code).toBe(2);
    expect((await cli('licenses', 'update', id)).code).toBe(2);

    const shown = await cli('licenses', 'show', id);
    expect(shown.stdout).toMatch(/^license /);
    expect(shown.stdout).toMatch(/features +batch, export-pdf/);
    expect((await json('licenses', 'show', id)).max_activations).toBe(7);
    expect((await cli('licenses', 'show', '00000000-0000-4000-8000-000000000000')).code).toBe(1);
  });

  it('lists as a table, filtered', async () => {
    const run = await cli('licenses', 'list', '--customer-email', 'grace@example.com');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(2);
    expect((await cli('licenses', 'list', '--customer-email', 'nobody@example.com')).stdout).toContain(
      'no licenses match',
    );
  });
});

describe('customers search|show', () => {
  it('finds a customer by company and shows it with its licenses', async () => {
    const search = await cli('customers', 'search', 'analytical');
    expect(search.code).toBe(0);
    expect(search.stdout).toMatch(/ada@example\.com +Ada Lovelace +Analytical Engines/);
    const [found] = (await json('customers', 'search', 'ada@example.com')).data;
    const shown = await cli('customers', 'show', found.id);
    expect(shown.stdout).toContain('account   Analytical Engines');
    expect(shown.stdout).toContain('licenses (2):');
    expect((await json('customers', 'show', found.id)).licenses).toHaveLength(2);
  });
});

describe('settings get|set', () => {
  it('shows settings, changes them, and refuses a bad cron', async () => {
    const shown = await cli('settings', 'get');
    expect(shown.stdout).toMatch(/^disable_on_dispute +false$/m);
    const set = await cli('settings', 'set', 'disable_on_dispute=true', 'resync_cron=0 4 * * *');
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/^changed disable_on_dispute, resync_cron/);
    expect(await json('settings', 'get')).toMatchObject({
      disable_on_dispute: true,
      resync_cron: '0 4 * * *',
    });
    const bad = await cli('settings', 'set', 'resync_cron=every day');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('resync_cron');
    expect((await cli('settings', 'set', 'colour=red')).code).toBe(2);
    expect((await cli('settings', 'set', 'nonsense')).code).toBe(2);
  });
});
