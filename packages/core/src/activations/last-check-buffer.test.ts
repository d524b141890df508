import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CoreTestEnv, createCoreTestEnv } from '../../test/support/core-test-env';
import { createDb, type DbHandle } from '../db/client';
import { customers, licenseActivations, licenses, products, syncOutbox } from '../db/schema/index';
import { ensureDefaultWorkspace } from '../workspaces/ensure-default-workspace';
import { createLastCheckBuffer } from './last-check-buffer';

let env: CoreTestEnv;
let handle: DbHandle;
let workspaceId: string;
let licenseId: string;
let activationId: string;

beforeAll(async () => {
  env = await createCoreTestEnv();
  handle = createDb(env.config.DATABASE_URL);
  workspaceId = (await ensureDefaultWorkspace(handle.db)).id;
  const [product] = await handle.db
    .insert(products)
    .values({ workspaceId, shortCode: 'pro', name: 'Pro', authorizationMethod: 'license-key' })
    .returning();
  const [customer] = await handle.db
    .insert(customers)
    .values({ workspaceId, email: 'b@example.com' })
    .returning();
  const [license] = await handle.db
    .insert(licenses)
    .values({
      workspaceId,
      sourceKey: 'manual:2:0:0',
      customerId: customer!.id,
      productId: product!.id,
      licenseType: 'perpetual',
    })
    .returning();
  licenseId = license!.id;
  const [activation] = await handle.db
    .insert(licenseActivations)
    .values({ workspaceId, licenseId, hardwareId: 'hw' })
    .returning();
  activationId = activation!.id;
});
afterAll(async () => {
  await handle.close();
  await env.cleanup();
});

const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, s));
const pending = () =>
  handle.db
    .select()
    .from(syncOutbox)
    .where(and(eq(syncOutbox.objectId, licenseId), eq(syncOutbox.status, 'pending')));

it('writes the latest check per activation; the license and HubSpot move only past the resolution', async () => {
  const buffer = createLastCheckBuffer({ db: handle.db, flushMs: 60_000, syncResolutionS: 60 });
  const check = (s: number) => buffer.record({ workspaceId, licenseId, activationId, at: at(s) });
  check(5);
  check(9);
  check(7); // out of order: the later check stays
  await buffer.flush();
  const [a] = await handle.db
    .select()
    .from(licenseActivations)
    .where(eq(licenseActivations.id, activationId));
  expect(a!.lastCheckAt).toEqual(at(9));
  expect((await pending()).length).toBe(1);

  await handle.db.update(syncOutbox).set({ status: 'done' });
  check(30);
  await buffer.flush();
  const [l] = await handle.db.select().from(licenses).where(eq(licenses.id, licenseId));
  expect(l!.lastCheckAt).toEqual(at(9));
  expect(await pending()).toHaveLength(0);
  await buffer.close();
});

it('keeps the checks when a write fails, and writes them with the next flush', async () => {
  const broken = createDb('postgres://postgres@127.0.0.1:1/none', { max: 1 });
  const errors: unknown[] = [];
  const failing = createLastCheckBuffer({
    db: broken.db,
    flushMs: 60_000,
    syncResolutionS: 0,
    onError: (e) => errors.push(e),
  });
  failing.record({ workspaceId, licenseId, activationId, at: at(50) });
  await failing.flush();
  expect(errors).toHaveLength(1);
  expect(failing.size()).toBe(1);
  // A newer check recorded after the failure wins over the kept one.
  failing.record({ workspaceId, licenseId, activationId, at: at(55) });
  await failing.flush();
  expect(failing.size()).toBe(1);
  await failing.close();
  await broken.close();
});

it('is empty once a flush succeeded', async () => {
  const buffer = createLastCheckBuffer({ db: handle.db, flushMs: 60_000, syncResolutionS: 0 });
  buffer.record({ workspaceId, licenseId, activationId, at: at(58) });
  expect(buffer.size()).toBe(1);
  await buffer.close();
  expect(buffer.size()).toBe(0);
  const [a] = await handle.db
    .select()
    .from(licenseActivations)
    .where(eq(licenseActivations.id, activationId));
  expect(a!.lastCheckAt).toEqual(at(58));
});
