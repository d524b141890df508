import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CoreTestEnv, createCoreTestEnv } from '../../test/support/core-test-env';
import { createDb, type DbHandle } from '../db/client';
import {
  activityLog,
  customers,
  licenseActivations,
  licenses,
  products,
  syncOutbox,
} from '../db/schema/index';
import { ensureDefaultWorkspace } from '../workspaces/ensure-default-workspace';
import { deactivateActivation } from './deactivate-activation';

let env: CoreTestEnv;
let handle: DbHandle;
let workspaceId: string;
let licenseId: string;

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
    .values({ workspaceId, email: 'a@example.com' })
    .returning();
  const [license] = await handle.db
    .insert(licenses)
    .values({
      workspaceId,
      sourceKey: 'manual:1:0:0',
      customerId: customer!.id,
      productId: product!.id,
      licenseKey: 'AAAA-BBBB',
      licenseType: 'perpetual',
      maxActivations: 2,
      activationsInUse: 1,
    })
    .returning();
  licenseId = license!.id;
  await handle.db.insert(licenseActivations).values({ workspaceId, licenseId, hardwareId: 'hw-1' });
});
afterAll(async () => {
  await handle.close();
  await env.cleanup();
});

it('frees the seat once: count down, row kept as deactivated, HubSpot told, history written', async () => {
  const ref = { licenseId, hardwareId: 'hw-1' };
  const freed = await deactivateActivation({ db: handle.db, workspaceId, ref, actor: 'license-api' });
  expect(freed?.deactivatedAt).toBeInstanceOf(Date);
  expect(await deactivateActivation({ db: handle.db, workspaceId, ref, actor: 'license-api' })).toBeNull();

  const [license] = await handle.db.select().from(licenses).where(eq(licenses.id, licenseId));
  expect(license!.activationsInUse).toBe(0);
  const intents = await handle.db
    .select()
    .from(syncOutbox)
    .where(and(eq(syncOutbox.objectId, licenseId), eq(syncOutbox.status, 'pending')));
  expect(intents).toHaveLength(1);
  const history = await handle.db
    .select()
    .from(activityLog)
    .where(eq(activityLog.kind, 'license.deactivated'));
  expect(history).toHaveLength(1);
  expect(history[0]!.subjects).toEqual(expect.arrayContaining([`license:${licenseId}`, 'hardware:hw-1']));
});

it('does not free a seat of another workspace, nor take a malformed id', async () => {
  await handle.db.insert(licenseActivations).values({ workspaceId, licenseId, hardwareId: 'hw-2' });
  const other = '00000000-0000-4000-8000-00000000ffff';
  const ref = { licenseId, hardwareId: 'hw-2' };
  expect(await deactivateActivation({ db: handle.db, workspaceId: other, ref, actor: 'x' })).toBeNull();
  const bad = { activationId: 'not-a-uuid' };
  expect(await deactivateActivation({ db: handle.db, workspaceId, ref: bad, actor: 'x' })).toBeNull();
  const live = await handle.db
    .select()
    .from(licenseActivations)
    .where(eq(licenseActivations.hardwareId, 'hw-2'));
  expect(live[0]!.deactivatedAt).toBeNull();
});
