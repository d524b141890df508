import {
  claimLeaseMs,
  claimSyncIntents,
  completeSyncIntents,
  enqueueSyncIntent,
  releaseExpiredClaims,
  renewClaimsWhile,
} from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { eventually } from '@licensync/test-env';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedCustomers, seedLicenses, seedProduct } from './hubspot-fixtures';
import { type DbStack, startDb } from './support/start-db';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

const LEASE_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('claim leases in the outbox', () => {
  let stack: DbStack;
  const claim = () =>
    claimSyncIntents(stack.db, {
      workspaceId: stack.workspaceId,
      kind: 'license',
      limit: 100,
      leaseMs: LEASE_MS,
    });
  const rows = () => stack.db.select().from(schema.syncOutbox).orderBy(schema.syncOutbox.id);

  beforeAll(async () => {
    stack = await startDb();
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.db.delete(schema.syncOutbox);
    await enqueueSyncIntent(stack.db, stack.workspaceId, 'license', ['lic-1', 'lic-2', 'lic-3']);
  });

  it('the lease is short by default: twice the job lock, at least 30 s', () => {
    expect(claimLeaseMs({ JOB_LOCK_MS: 30_000 })).toBe(60_000);
    expect(claimLeaseMs({ JOB_LOCK_MS: 1000 })).toBe(30_000);
    expect(claimLeaseMs({ JOB_LOCK_MS: 30_000, HUBSPOT_CLAIM_LEASE_MS: 500 })).toBe(500);
  });

  it('a claim whose worker died goes back to pending once its short lease ran out', async () => {
    expect(await claim()).toHaveLength(3);
    expect(await releaseExpiredClaims(stack.db)).toBe(0);
    await sleep(LEASE_MS * 2);
    expect(await releaseExpiredClaims(stack.db)).toBe(3);
    expect((await rows()).map((r) => `${r.status}: ${r.lastError}`)).toEqual(
      Array(3).fill('pending: claim expired'),
    );
    expect(await claim()).toHaveLength(3);
  });

  it('a batch still working renews its lease: not reaped, not claimed again, settled once', async () => {
    await renewClaimsWhile({ db: stack.db, leaseMs: LEASE_MS }, async () => {
      const claimed = await claim();
      expect(claimed).toHaveLength(3);
      await sleep(LEASE_MS * 4);
      expect(await releaseExpiredClaims(stack.db)).toBe(0);
      expect(await claim()).toEqual([]);
      await completeSyncIntents(
        stack.db,
        claimed.map((i) => i.id),
      );
    });
    expect((await rows()).map((r) => `${r.status}/${r.attempts}`)).toEqual(Array(3).fill('done/1'));
  });

  it('renewal stops with the batch: claims left behind expire', async () => {
    await renewClaimsWhile({ db: stack.db, leaseMs: LEASE_MS }, async () => {
      await claim();
    });
    await sleep(LEASE_MS * 2);
    expect(await releaseExpiredClaims(stack.db)).toBe(3);
  });
});

describe('the HubSpot sync worker with a short lease and a slow HubSpot', () => {
  let stack: HubspotStack;

  beforeAll(async () => {
    // The stack polls every 100 ms, so the reaper (every 20 polls) runs about every 2 s: several times
    // during one slow batch.
    stack = await startHubspotStack({ env: { HUBSPOT_CLAIM_LEASE_MS: String(LEASE_MS) } });
  });
  afterAll(() => stack?.close());

  it('syncs each license once although the batch outlives the lease many times over', async () => {
    const { fake, workspaceId } = stack;
    const { db } = stack.runtime;
    const licenseType = (await stack.objectTypeIds()).licenses!;
    const productId = await seedProduct(db, workspaceId);
    const customerIds = await seedCustomers(db, workspaceId, 2);
    await eventually(async () => fake.records('0-1').length === 2);
    // Two calls of 1.5 s: the batch outlives one full reaper period plus the lease.
    fake.setLatency(1500);
    const ids = await seedLicenses(db, workspaceId, { productId, customerIds, n: 5 });
    const settled = await eventually(async () => {
      const intents = await db
        .select()
        .from(schema.syncOutbox)
        .where(inArray(schema.syncOutbox.objectId, ids));
      return intents.every((i) => i.status === 'done') ? intents : undefined;
    }, 30_000);
    fake.setLatency(0);

    expect(settled.map((i) => `${i.status}/${i.attempts}`)).toEqual(ids.map(() => 'done/1'));
    const upserts = fake.requests().filter((r) => r.path === `/crm/v3/objects/${licenseType}/batch/upsert`);
    expect(upserts).toHaveLength(1);
    expect(
      await db.select().from(schema.syncOutbox).where(eq(schema.syncOutbox.lastError, 'claim expired')),
    ).toEqual([]);
  }, 40_000);
});
