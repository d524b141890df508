import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { brokenPurchases, eventually } from '@licensync/test-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const cli = (...args: string[]) => stack.cli(...args);

/** A port nobody listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Checkouts of one price whose metadata breaks a rule, delivered; they fail for good until it is fixed. */
async function brokenPurchasesDelivered(emails: string[]) {
  const { price, purchases, completed, fix } = brokenPurchases(stack.fake.sim, emails);
  await stack.deliver(completed);
  await stack.settled(completed);
  return { price, purchases, fix };
}

async function licensesOf(pi: string): Promise<unknown[]> {
  return (await stack.call('GET', `/licenses?stripe_payment_intent_id=${pi}`)).body.data;
}

it('catalog import sends the example YAML and reports what it created', async () => {
  const run = await cli('catalog', 'import', 'examples/catalog.yaml');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^created 4 products, \d+ policies/);
  expect((await cli('catalog', 'import', 'examples/missing.yaml')).code).toBe(2);
});

it('status shows readiness, queue counts and backlog', async () => {
  const run = await cli('status');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`api ${stack.api.url} ready · postgres ok · redis ok`);
  expect(run.stdout).toMatch(/^inbox-events\s+\d+/m);
  expect(run.stdout).toMatch(/failures open \d+/);
  const json = JSON.parse((await cli('status', '--json')).stdout);
  expect(json).toMatchObject({ ok: true, checks: { postgres: true, redis: true } });
  expect(json.queues['inbox-events']).toHaveProperty('waiting');
});

describe('failures', () => {
  it('lists, shows and replays a failure by id; a second replay exits 1', async () => {
    const { price, purchases, fix } = await brokenPurchasesDelivered(['cli@example.com']);
    const listed = await cli('failures', 'list', '--error', price.id, '--json');
    expect(listed.code).toBe(0);
    const [failure] = JSON.parse(listed.stdout).data;
    expect(failure).toMatchObject({ event_id: purchases[0]!.completed[0]!.id, status: 'failed' });
    const table = await cli('failures', 'list', '--error', price.id);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^ID\s+STATUS\s+QUEUE\s+EVENT TYPE\s+ATTEMPTS\s+CREATED\s+LAST ERROR$/,
    );
    expect(table.stdout).toContain(`price ${price.id}: floating_cloud (5) must be ≤ max_activations (2)`);

    const shown = await cli('failures', 'show', String(failure.id));
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`failure ${failure.id} (failed)`);
    expect(shown.stdout).toMatch(/errors:\n {2}#1 .*floating_cloud/);

    const dry = await cli('failures', 'replay', '--id', String(failure.id), '--dry-run');
    expect(dry).toMatchObject({ code: 0, stdout: 'dry run: 1 matched, 1 would be requeued\n' });
    fix();
    const replay = await cli('failures', 'replay', '--id', String(failure.id));
    expect(replay).toMatchObject({ code: 0, stdout: '1 matched, 1 requeued, 0 skipped\n' });
    await eventually(async () => (await licensesOf(purchases[0]!.pi)).length === 1);
    const again = await cli('failures', 'replay', '--id', String(failure.id));
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('1 matched, 0 requeued, 1 skipped\n');
    expect(again.stderr).toContain('nothing was requeued');
  });

  it('replays by filter, listing the matches first and replaying them in chunks', async () => {
    const { price, purchases, fix } = await brokenPurchasesDelivered(['f1@example.com', 'f2@example.com']);
    fix();
    const run = await cli(
      'failures',
      'replay',
      '--filter-error',
      price.id,
      '--filter-event-type',
      'checkout.session.completed',
    );
    expect(run).toMatchObject({ code: 0, stdout: '2 matched, 2 requeued, 0 skipped\n' });
    for (const p of purchases) await eventually(async () => (await licensesOf(p.pi)).length === 1);
  });

  it('replay --wait follows the replay to its outcome; show names what happened', async () => {
    const { price, fix } = await brokenPurchasesDelivered(['wait@example.com']);
    const listed = JSON.parse((await cli('failures', 'list', '--error', price.id, '--json')).stdout);
    const id = String(listed.data[0].id);
    const shown = await cli('failures', 'show', id);
    expect(shown.stdout).toContain(
      `failed for good after 1 attempt: price ${price.id}: floating_cloud (5) must be ≤ max_activations (2). It waits for an operator`,
    );

    const again = await cli('failures', 'replay', '--id', id, '--wait', '--timeout', '8000');
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(
      `failure ${id} failed again (attempt 2): price ${price.id}: floating_cloud`,
    );
    expect(again.stderr).toBe('error: 1 of 1 did not succeed\n');
    expect((await cli('failures', 'show', id)).stdout).toContain('after 2 attempts, replayed 1×');

    fix();
    const fixed = await cli('failures', 'replay', '--id', id, '--wait', '--timeout', '8000');
    expect(fixed.stderr).toBe('');
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain(`failure ${id} resolved: checkout.session.completed was processed`);
    expect((await cli('failures', 'show', id)).stdout).toContain(
      'Replayed, and the event has since been processed',
    );
  });

  it('discards with a reason', async () => {
    const { price } = await brokenPurchasesDelivered(['gone@example.com']);
    const run = await cli('failures', 'discard', '--filter-error', price.id, '--reason', 'test order');
    expect(run).toMatchObject({ code: 0, stdout: '1 matched, 1 discarded, 0 skipped\n' });
  });
});

it('history <email|key|id> shows what happened, newest first', async () => {
  const { price } = await brokenPurchasesDelivered(['history@example.com']);
  const run = await cli('history', 'history@example.com');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^history of .*email:history@example\.com/);
  expect(run.stdout).toMatch(new RegExp(`job\\.failed\\s+error\\s+price ${price.id}: floating_cloud`));
  const json = JSON.parse((await cli('history', 'history@example.com', '--json')).stdout);
  expect(json.data.length).toBeGreaterThan(0);
  expect((await cli('history', 'nobody@example.com')).stdout).toBe('no history for nobody@example.com\n');
});

describe('exit codes', () => {
  it.each([
    ['an unknown flag', ['failures', 'list', '--nope']],
    ['an unknown command', ['frobnicate']],
    ['a replay with nothing selected', ['failures', 'replay']],
    ['a replay with ids and a filter', ['failures', 'replay', '--id', '1', '--filter-queue', 'x']],
    ['a discard without a reason', ['failures', 'discard', '--id', '1']],
    ['a bad id', ['failures', 'show', 'abc']],
    ['a value the api refuses', ['failures', 'list', '--since', 'yesterday']],
  ])('%s is a usage error: 2', async (_name, args) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toBe('');
  });

  it('a wrong token is 3, an api nobody answers at is 3, a missing failure is 1', async () => {
    const refused = await runCli(['failures', 'list'], {
      ...stack.cliEnv,
      LICENSYNC_ADMIN_TOKEN: 'wrong-token-wrong-token',
    });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('refused the admin token');
    const down = await runCli(['status', '--url', `http://127.0.0.1:${await closedPort()}`], stack.cliEnv);
    expect(down.code).toBe(3);
    expect(down.stderr).toContain('cannot reach the api');
    expect(down.stderr).toContain('ECONNREFUSED');
    expect((await cli('failures', 'show', '999999')).code).toBe(1);
    expect((await cli('--help')).code).toBe(0);
  });
});
