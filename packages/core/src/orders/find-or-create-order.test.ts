import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CoreTestEnv, createCoreTestEnv } from '../../test/support/core-test-env';
import { importCatalog } from '../catalog/import-catalog';
import { createDb, type Db } from '../db/client';
import { licenses, syncOutbox } from '../db/schema/index';
import { ensureDefaultWorkspace } from '../workspaces/index';
import { createOrder } from './create-order';
import { findOrCreateOrder } from './find-or-create-order';

let env: CoreTestEnv;
let handle: ReturnType<typeof createDb>;
let db: Db;
let workspaceId: string;

beforeAll(async () => {
  env = await createCoreTestEnv();
  handle = createDb(env.config.DATABASE_URL);
  db = handle.db;
  workspaceId = (await ensureDefaultWorkspace(db)).id;
  await importCatalog({
    db,
    workspaceId,
    catalog: {
      products: [
        {
          short_code: 'pro',
          name: 'Pro',
          authorization_method: 'license-key',
          policies: [{ code: 'forever', name: 'Forever', license_type: 'perpetual', is_default: true }],
        },
      ],
    },
  });
});
afterAll(async () => {
  await handle.close();
  await env.cleanup();
});

const pendingLicenseIntents = async (ids: string[]) =>
  (
    await db
      .select()
      .from(syncOutbox)
      .where(and(eq(syncOutbox.objectKind, 'license'), eq(syncOutbox.status, 'pending')))
  )
    .map((i) => i.objectId)
    .filter((id) => ids.includes(id));

describe('findOrCreateOrder and the HubSpot deal', () => {
  it('writes a deal named later and syncs the order’s licenses again; an absent one leaves it', async () => {
    const created = await createOrder({
      db,
      workspaceId,
      actor: 'test',
      idempotencyKey: 'deal-later',
      input: { customer: { email: 'later@deal.test' }, product: 'pro', quantity: 2 },
    });
    expect(created.order.hubspotDealId).toBeNull();
    const ids = created.licenses.map((l) => l.license.id);
    await db.update(syncOutbox).set({ status: 'done' });
    const source = {
      workspaceId,
      customerId: created.customerId,
      sourceKind: created.order.sourceKind,
      sourceId: created.order.sourceId,
    };

    const named = await findOrCreateOrder(db, { ...source, hubspotDealId: '9001' });
    expect(named).toMatchObject({ id: created.order.id, hubspotDealId: '9001' });
    expect((await pendingLicenseIntents(ids)).sort()).toEqual([...ids].sort());

    await db.update(syncOutbox).set({ status: 'done' });
    expect(await findOrCreateOrder(db, { ...source, hubspotDealId: '9001' })).toMatchObject({
      hubspotDealId: '9001',
    });
    expect(await findOrCreateOrder(db, { ...source, hubspotDealId: null })).toMatchObject({
      hubspotDealId: '9001',
    });
    expect(await pendingLicenseIntents(ids)).toEqual([]);
    const rows = await db.select().from(licenses).where(eq(licenses.orderId, created.order.id));
    expect(rows).toHaveLength(2);
  });
});
