import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

// The history names the key that acted on a ledger write; the client it came through is detail.
let stack: ApiStack;
let auth: Record<string, string>;

beforeAll(async () => {
  stack = await startApi();
  const catalog = {
    products: [
      {
        short_code: 'pro',
        name: 'Pro',
        authorization_method: 'license-key',
        policies: [{ code: 'annual', name: 'Annual', license_type: 'time-limited', valid_duration: '1y' }],
      },
    ],
  };
  expect((await stack.call('POST', '/catalog/import', catalog)).status).toBe(200);
  const key = await stack.call('POST', '/operator_keys', { name: 'ops-bob', scope: 'admin' });
  expect(key.status).toBe(201);
  auth = { authorization: `Bearer ${key.body.key}`, 'x-licensync-client': 'cli' };
});
afterAll(() => stack.close());

const entryOf = async (kind: string) => {
  const rows = await stack.api.db
    .select()
    .from(schema.activityLog)
    .where(and(eq(schema.activityLog.kind, kind), eq(schema.activityLog.workspaceId, stack.api.workspaceId)));
  expect(rows, kind).toHaveLength(1);
  return rows[0]!;
};

describe('ledger writes record the acting key', () => {
  it('order created, license changed and settings changed name key:ops-bob, with the client as detail', async () => {
    const order = await stack.call(
      'POST',
      '/orders',
      { customer: { email: 'bob@example.com' }, product: 'pro', policy: 'annual', quantity: 1 },
      auth,
    );
    expect(order.status).toBe(201);
    const licenseId = order.body.licenses[0].id;
    const patched = await stack.call('PATCH', `/licenses/${licenseId}`, { max_activations: 7 }, auth);
    expect(patched.status).toBe(200);
    const settings = await stack.call('PATCH', '/settings', { disable_on_dispute: true }, auth);
    expect(settings.status).toBe(200);

    for (const kind of ['order.created', 'license.updated', 'settings.updated']) {
      const entry = await entryOf(kind);
      expect(entry.actor, kind).toBe('key:ops-bob');
      expect(entry.detail, kind).toMatchObject({ actor: 'key:ops-bob', client: 'cli' });
      expect(entry.message, kind).toContain('by key:ops-bob');
    }
    const history = await stack.call('GET', `/history?license_id=${licenseId}`, undefined, auth);
    const updated = history.body.data.find((e: { kind: string }) => e.kind === 'license.updated');
    expect(updated).toMatchObject({ actor: 'key:ops-bob', detail: { client: 'cli' } });
  });

  it('the bootstrap token acts as admin-token; without a client header the client is api', async () => {
    const res = await stack.call('PATCH', '/settings', { disable_on_dispute: false });
    expect(res.status).toBe(200);
    const rows = await stack.api.db
      .select()
      .from(schema.activityLog)
      .where(eq(schema.activityLog.kind, 'settings.updated'));
    const last = rows.find((r) => r.actor === 'admin-token');
    expect(last?.detail).toMatchObject({ actor: 'admin-token', client: 'api' });
  });
});
