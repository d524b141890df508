import * as schema from '@licensync/core/schema';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { licenseCall } from './support/license-call';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;
let lic: ReturnType<typeof licenseCall>;
let id: string;
let key: string;

const check = (hardware = 'hw-1') =>
  lic('check', { product: 'app', license_key: key, hardware_id: hardware });

/** A write Postgres announces to no one (triggers off): only the cache explains an old answer. */
const silently = (values: Partial<typeof schema.licenses.$inferInsert>) =>
  stack.api.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.update(schema.licenses).set(values).where(eq(schema.licenses.id, id));
  });

beforeAll(async () => {
  // A minute of cache: whatever ends an entry here is the change notification, not the clock.
  stack = await startApi({
    LICENSE_CHECK_CACHE_MS: '60000',
    LICENSE_API_RATE_PER_KEY: '100000',
    LICENSE_API_RATE_PER_IP: '100000',
  });
  lic = licenseCall(stack.api.url);
  await stack.call('POST', '/catalog/import', {
    products: [
      {
        short_code: 'app',
        name: 'App',
        authorization_method: 'license-key',
        features: [{ code: 'export', name: 'Export' }],
        policies: [
          {
            code: 'perp',
            name: 'Perpetual',
            license_type: 'perpetual',
            is_default: true,
            max_activations: 3,
          },
        ],
      },
    ],
  });
  const res = await stack.call('POST', '/orders', {
    customer: { email: 'c@example.com' },
    product: 'app',
    quantity: 1,
  });
  ({ id, key } = res.body.licenses[0]);
  expect((await lic('activate', { product: 'app', license_key: key, hardware_id: 'hw-1' })).status).toBe(200);
});
afterAll(() => stack.close());

it('answers a repeated check from the cache', async () => {
  expect((await check()).body.license.max_activations).toBe(3);
  await silently({ maxActivations: 7 });
  const cached = await check();
  expect(cached.status).toBe(200);
  expect(cached.body.license.max_activations).toBe(3);
  // Another machine (not activated) is its own entry, read from Postgres.
  expect((await check('hw-2')).body.reason).toBe('not_activated');
});

it('refuses a disabled license on the very next check, and takes it back once enabled', async () => {
  expect((await check()).status).toBe(200);
  expect((await stack.call('POST', `/licenses/${id}/disable`, { reason: 'refunded' })).status).toBe(200);
  const refused = await check();
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ reason: 'license_disabled', detail: { disabled_reason: 'refunded' } });
  expect((await stack.call('POST', `/licenses/${id}/enable`, {})).status).toBe(200);
  const back = await check();
  expect(back.status).toBe(200);
  // Read afresh: the silent write of the first test shows now.
  expect(back.body.license.max_activations).toBe(7);
});

it('hears of a write by another process (the worker) through Postgres alone', async () => {
  expect((await check()).body.license.max_activations).toBe(7);
  // Not through this api's routes: only the trigger's notification can tell the cache.
  await stack.api.db.update(schema.licenses).set({ maxActivations: 8 }).where(eq(schema.licenses.id, id));
  // Delivered asynchronously, a moment after commit; the cache would keep the old row a minute.
  await expect.poll(async () => (await check()).body.license.max_activations, { timeout: 2000 }).toBe(8);
});

it('stops caching while the LISTEN connection is lost, and caches again once it is back', async () => {
  expect((await check()).body.license.max_activations).toBe(8);
  const killed = await stack.api.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
    where datname = current_database() and query in ('LISTEN licensync_license_changes', 'select 1')`);
  expect(killed.rows).toHaveLength(1);
  // Unannounced writes show at once: nothing is cached without the notifications.
  await silently({ maxActivations: 11 });
  await expect.poll(async () => (await check()).body.license.max_activations, { timeout: 2000 }).toBe(11);
  // Reconnected (after about a second), the cache serves again.
  await expect
    .poll(
      async () => {
        await check();
        await silently({ maxActivations: 12 });
        const answer = (await check()).body.license.max_activations;
        await silently({ maxActivations: 11 });
        return answer;
      },
      { timeout: 5000, interval: 300 },
    )
    .toBe(11);
});

it('shows a new feature, an edited term and a deactivation on the next check', async () => {
  expect((await check()).body.license.features).toEqual([]);
  expect((await stack.call('POST', `/licenses/${id}/features`, { code: 'export' })).status).toBe(201);
  expect((await check()).body.license.features).toEqual([{ code: 'export', max_consumption: null }]);
  expect((await stack.call('PATCH', `/licenses/${id}`, { max_activations: 9 })).status).toBe(200);
  expect((await check()).body.license.max_activations).toBe(9);
  expect((await lic('deactivate', { product: 'app', license_key: key, hardware_id: 'hw-1' })).status).toBe(
    200,
  );
  expect((await check()).body.reason).toBe('not_activated');
});
