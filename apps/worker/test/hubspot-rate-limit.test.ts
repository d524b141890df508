import { createRedis } from '@licensync/core/queues';
import * as schema from '@licensync/core/schema';
import { ensureDefaultWorkspace } from '@licensync/core/workspaces';
import { createPortalRateLimiter, getHubspotConnection, PortalPausedError } from '@licensync/hubspot';
import { eventually } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intentCounts, seedCustomers, seedLicenses, seedProduct } from './hubspot-fixtures';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;
const portalB = { portalId: 777_000, token: 'fake-hubspot-token-b' };

beforeAll(async () => {
  stack = await startHubspotStack({ portals: [portalB] });
});
afterAll(() => stack.close());

const timed = async (fn: () => Promise<unknown>) => {
  const start = Date.now();
  await fn();
  return Date.now() - start;
};

describe('per-portal rate limiting', () => {
  it('holds a busy portal to its budget, never a quiet one, and throws instead of sitting out a long pause', async () => {
    const redis = createRedis(stack.env.config.REDIS_URL, 'worker');
    const limiter = createPortalRateLimiter({
      redis,
      prefix: `${stack.env.config.QUEUE_PREFIX}-unit`,
      maxPer10s: 100,
      searchPerSecond: 5,
    });
    try {
      const busy = timed(async () => {
        for (let i = 0; i < 15; i++) await limiter.acquire('busy');
      });
      await new Promise((r) => setTimeout(r, 100));
      // maxWaitMs 0: any wait at all would throw, so the quiet portal's burst went straight through.
      for (let i = 0; i < 5; i++) await limiter.acquire('quiet', 'default', 0);
      // 100 per 10 s = a burst of 5, then 9.5/s: 10 more calls need about a second.
      expect(await busy).toBeGreaterThanOrEqual(900);

      // A short pause is waited out; a long one gives the caller its slot back with the pause's end.
      await limiter.pause('busy', 300);
      await limiter.acquire('busy');
      await limiter.pause('busy', 60_000);
      const before = Date.now();
      const paused = await limiter.acquire('busy').catch((err: unknown) => err);
      expect(paused).toBeInstanceOf(PortalPausedError);
      expect((paused as PortalPausedError).untilMs - before).toBeGreaterThan(50_000);
      await limiter.acquire('quiet');
    } finally {
      await redis.quit();
    }
  });

  it('a paused portal holds no worker slot: six workspaces wait on portal A while portal B syncs', async () => {
    const portalA = String(stack.fake.defaultPortal.portalId);
    const first = await ensureDefaultWorkspace(stack.runtime.db);
    const more = await stack.runtime.db
      .insert(schema.workspaces)
      .values(Array.from({ length: 5 }, (_, i) => ({ slug: `a${i}`, name: `A ${i}` })))
      .returning();
    const onA = [first, ...more];
    const [b] = await stack.runtime.db
      .insert(schema.workspaces)
      .values({ slug: 'second', name: 'Second' })
      .returning();
    await stack.runtime.db.insert(schema.hubspotConnections).values([
      ...more.map((ws) => ({
        workspaceId: ws.id,
        portalId: portalA,
        authKind: 'static' as const,
        accessToken: stack.fake.defaultPortal.token,
      })),
      {
        workspaceId: b!.id,
        portalId: String(portalB.portalId),
        authKind: 'static',
        accessToken: portalB.token,
      },
    ]);
    // As after a 429 with a long Retry-After, for every worker process.
    await stack.runtime.hubspot.limiter.pause(portalA, 60_000);
    for (const ws of [...onA, b!]) {
      const productId = await seedProduct(stack.runtime.db, ws.id);
      const customers = await seedCustomers(stack.runtime.db, ws.id, 3, { prefix: ws.slug });
      await seedLicenses(stack.runtime.db, ws.id, { productId, customerIds: customers, n: 30, tag: ws.slug });
    }
    const intentsOfA = async () =>
      (await stack.runtime.db.select().from(schema.syncOutbox)).filter((r) => r.workspaceId !== b!.id);

    // 12 jobs for portal A (6 workspaces × customers, licenses) against 5 worker slots.
    const typeB = await eventually(
      async () => (await getHubspotConnection(stack.runtime.db, b!.id))?.objectTypeIds.licenses,
    );
    await eventually(
      async () => stack.fake.records(typeB, { portalId: portalB.portalId }).length === 30,
      15_000,
    );
    const waiting = await eventually(async () => {
      const rows = await intentsOfA();
      const until = Date.now() + 30_000;
      return rows.every((r) => r.status === 'pending' && r.availableAt.getTime() > until) ? rows : undefined;
    }, 15_000);
    // Every workspace on portal A: 3 customers and 30 licenses, one intent each.
    expect(waiting).toHaveLength(onA.length * (3 + 30));
    expect(waiting.map((r) => r.attempts)).toEqual(waiting.map(() => 0));
    expect(
      stack.fake
        .requests()
        .filter((r) => r.portalId === stack.fake.defaultPortal.portalId && r.path.includes('/objects/')),
    ).toHaveLength(0);
    const failures = await stack.runtime.db.select().from(schema.jobFailures);
    expect(failures).toHaveLength(0);

    // The pause ends: portal A's work comes due and lands.
    await stack.runtime.hubspot.limiter.pause(portalA, 1);
    await stack.runtime.db
      .update(schema.syncOutbox)
      .set({ availableAt: new Date() })
      .where(eq(schema.syncOutbox.status, 'pending'));
    await eventually(async () => {
      const counts = await intentCounts(stack.runtime.db);
      return !counts.pending && !counts.processing && !counts.failed;
    }, 20_000);
    const typeA = (await getHubspotConnection(stack.runtime.db, first.id))!.objectTypeIds.licenses!;
    expect(stack.fake.records(typeA)).toHaveLength(30 * onA.length);
  });
});
