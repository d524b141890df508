import { createApiRuntime } from '@licensync/api';
import * as schema from '@licensync/core/schema';
import { type ApiStack, startApi } from '@licensync/test-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli';

let stack: ApiStack<Awaited<ReturnType<typeof createApiRuntime>>>;
let env: Record<string, string>;
const cli = (...args: string[]) => runCli(args, env);

beforeAll(async () => {
  stack = await startApi(createApiRuntime, { ADMIN_SIGNIN_MAX_FAILURES: '3', ADMIN_SIGNIN_WINDOW_S: '60' });
  env = { LICENSYNC_URL: stack.api.url, LICENSYNC_ADMIN_TOKEN: stack.env.config.ADMIN_TOKEN };
});
afterAll(() => stack.close());

const keyOf = (stdout: string) => /lsk_\S+/.exec(stdout)?.[0] ?? '';

describe('workspaces from the CLI', () => {
  it('creates a workspace and lists it with its webhook URL', async () => {
    const created = await cli('workspaces', 'create', 'live', '--name', 'Live mode');
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toContain('/webhooks/stripe/live');
    const list = await cli('workspaces', 'list');
    expect(list.stdout).toMatch(/default/);
    expect(list.stdout).toMatch(/live\s+Live mode/);
  });
});

describe('named operator keys', () => {
  it('a read-only key reads but is refused on writes; the key is stored only hashed', async () => {
    const created = await cli('keys', 'create', 'dashboards', '--scope', 'read');
    expect(created.code).toBe(0);
    const key = keyOf(created.stdout);
    expect(key).toMatch(/^lsk_[\w-]{43}$/);
    const row = (await stack.api.db.select().from(schema.operatorKeys)).find((k) => k.name === 'dashboards');
    expect(JSON.stringify(row)).not.toContain(key);

    const auth = { authorization: `Bearer ${key}` };
    expect((await stack.call('GET', '/products', undefined, auth)).status).toBe(200);
    const write = await stack.call('POST', '/products', { short_code: 'x', name: 'x' }, auth);
    expect(write).toEqual({ status: 403, body: { error: 'key key:dashboards is read-only' } });
    expect((await stack.call('POST', '/workspaces', { slug: 'nope', name: 'n' }, auth)).status).toBe(403);
    expect((await stack.call('POST', '/operator_keys', { name: 'x', scope: 'admin' }, auth)).status).toBe(
      403,
    );
    expect(await stack.api.db.select().from(schema.products)).toEqual([]);
  });

  it('a read-only key is refused on every ledger write, before anything is read or changed', async () => {
    const key = keyOf((await cli('keys', 'create', 'auditor', '--scope', 'read')).stdout);
    const auth = { authorization: `Bearer ${key}` };
    const before = await stack.call('GET', '/settings', undefined, auth);
    expect(before.status).toBe(200);
    const id = '6f1c2b1e-8d2a-4c59-9a51-3a1f0c7e2b10';
    const writes = [
      ['POST', '/orders', { customer: { email: 'a@example.com' }, product: 'pro', quantity: 1 }],
      ['PATCH', `/licenses/${id}`, { max_activations: 2 }],
      ['POST', `/licenses/${id}/features`, { code: 'export-pdf' }],
      ['DELETE', `/licenses/${id}/features/export-pdf`, undefined],
      ['PUT', `/licenses/${id}/custom_fields/support_tier`, { value: 'gold' }],
      ['PATCH', `/customers/${id}`, { name: 'x' }],
      ['PATCH', `/customer_accounts/${id}`, { name: 'x' }],
      ['PATCH', '/settings', { disable_on_dispute: !before.body.disable_on_dispute }],
    ] as const;
    for (const [method, path, body] of writes) {
      const res = await stack.call(method, path, body, { ...auth, 'idempotency-key': `ro-${path}` });
      expect(res, `${method} ${path}`).toEqual({
        status: 403,
        body: { error: 'key key:auditor is read-only' },
      });
    }
    expect(await stack.api.db.select().from(schema.orders)).toEqual([]);
    expect(await stack.api.db.select().from(schema.idempotencyKeys)).toEqual([]);
    expect((await stack.call('GET', '/settings', undefined, auth)).body).toEqual(before.body);
  });

  it('the history records which key acted', async () => {
    const created = await cli('keys', 'create', 'ops-alice', '--scope', 'admin');
    const key = keyOf(created.stdout);
    const auth = { authorization: `Bearer ${key}` };
    const res = await stack.call('POST', '/resyncs', { kind: 'stripe-reconcile', scope: 'workspace' }, auth);
    expect(res.status).toBe(202);
    const run = (await stack.api.db.select().from(schema.resyncRuns)).find((r) => r.id === res.body.id);
    expect(run!.requestedBy).toBe('key:ops-alice');
    const [failure] = await stack.api.db
      .insert(schema.jobFailures)
      .values({
        queue: 'q',
        jobName: 'j',
        jobId: 'j1',
        attempts: 1,
        firstError: 'e',
        lastError: 'e',
        workspaceId: stack.api.workspaceId,
      })
      .returning();
    const discarded = await stack.call(
      'POST',
      '/failures/discard',
      { ids: [failure!.id], reason: 'cleanup' },
      auth,
    );
    expect(discarded.status).toBe(200);
    const entries = await stack.api.db.select().from(schema.activityLog);
    expect(entries.map((a) => [a.kind, a.actor])).toContainEqual(['failure.discarded', 'key:ops-alice']);
  });

  it('a revoked key is refused at once', async () => {
    const key = keyOf((await cli('keys', 'create', 'temp', '--scope', 'admin')).stdout);
    expect((await stack.call('GET', '/status', undefined, { authorization: `Bearer ${key}` })).status).toBe(
      200,
    );
    expect((await cli('keys', 'revoke', 'temp')).code).toBe(0);
    expect((await stack.call('GET', '/status', undefined, { authorization: `Bearer ${key}` })).status).toBe(
      401,
    );
    const list = await cli('keys', 'list');
    expect(list.stdout).toMatch(/temp\s+admin/);
  });

  it('throttles an address after repeated failed sign-ins, even with the right token then', async () => {
    // The revoked key above was the first failure of this address; the limit is 3.
    for (let i = 0; i < 2; i++) {
      const res = await stack.call('GET', '/status', undefined, { authorization: `Bearer wrong-${i}` });
      expect(res.status).toBe(401);
    }
    const blocked = await stack.call('GET', '/status');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toMatch(/too many failed sign-ins/);
  });
});
