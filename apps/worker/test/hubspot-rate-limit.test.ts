import {
  createPortalRateLimiter,
  createRedis,
  ensureDefaultWorkspace,
  getHubspotConnection,
  schema,
} from '@licensync/core';
import {
  createFakeHubspot,
  createTestEnv,
  eventually,
  type FakeHubspot,
  type TestEnv,
} from '@licensync/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerRuntime, type WorkerRuntime } from '../src/create-worker-runtime';
import { intentCounts, seedCustomers, seedLicenses, seedProduct } from './hubspot-fixtures';

let fake: FakeHubspot;
let env: TestEnv;
let runtime: WorkerRuntime;
const portalB = { portalId: 777_000, token: 'fake-hubspot-token-b' };

beforeAll(async () => {
  fake = await createFakeHubspot();
  fake.addPortal(portalB);
  env = await createTestEnv({
    HUBSPOT_API_BASE: fake.url,
    HUBSPOT_ACCESS_TOKEN: fake.defaultPortal.token,
    HUBSPOT_SYNC_POLL_MS: '100',
  });
  runtime = await createWorkerRuntime(env.config, env.logger);
});
afterAll(async () => {
  await runtime.close();
  await env.cleanup();
  await fake.close();
});

const timed = async (fn: () => Promise<unknown>) => {
  const start = Date.now();
  await fn();
  return Date.now() - start;
};

describe('per-portal rate limiting', () => {
  it('holds a busy portal to its budget while another portal’s calls go straight through', async () => {
    const redis = createRedis(env.config.REDIS_URL, 'worker');
    const limiter = createPortalRateLimiter({
      redis,
      prefix: `${env.config.QUEUE_PREFIX}-unit`,
      maxPer10s: 100,
      searchPerSecond: 5,
    });
    try {
      const busy = timed(async () => {
        for (let i = 0; i < 15; i++) await limiter.acquire('busy');
      });
      await new Promise((r) => setTimeout(r, 100));
      const quiet = await timed(async () => {
        for (let i = 0; i < 5; i++) await limiter.acquire('quiet');
      });
      // 100 per 10 s = a burst of 5, then 9.5/s: 10 more calls need about a second.
      expect(await busy).toBeGreaterThanOrEqual(900);
      expect(quiet).toBeLessThan(200);

      await limiter.pause('busy', 1500);
      expect(await timed(() => limiter.acquire('quiet'))).toBeLessThan(200);
      expect(await timed(() => limiter.acquire('busy'))).toBeGreaterThanOrEqual(1300);
    } finally {
      await redis.quit();
    }
  });

  it('keeps syncing one portal while another is paused by a 429', async () => {
    const a = await ensureDefaultWorkspace(runtime.db);
    const [b] = await runtime.db
      .insert(schema.workspaces)
      .values({ slug: 'second', name: 'Second' })
      .returning();
    await runtime.db.insert(schema.hubspotConnections).values({
      workspaceId: b!.id,
      portalId: String(portalB.portalId),
      authKind: 'static',
      accessToken: portalB.token,
    });
    // As after a 429 with a long Retry-After, for every worker process.
    await runtime.hubspot.limiter.pause(String(fake.defaultPortal.portalId), 60_000);
    for (const ws of [a, b!]) {
      const productId = await seedProduct(runtime.db, ws.id);
      const customers = await seedCustomers(runtime.db, ws.id, 3, { prefix: ws.slug });
      await seedLicenses(runtime.db, ws.id, { productId, customerIds: customers, n: 30, tag: ws.slug });
    }

    const typeB = await eventually(
      async () => (await getHubspotConnection(runtime.db, b!.id))?.objectTypeIds.licenses,
    );
    await eventually(async () => fake.records(typeB, { portalId: portalB.portalId }).length === 30, 10_000);
    expect(
      fake
        .requests()
        .filter((r) => r.portalId === fake.defaultPortal.portalId && r.path.includes('/objects/')),
    ).toHaveLength(0);

    await runtime.hubspot.limiter.pause(String(fake.defaultPortal.portalId), 1);
    await eventually(async () => {
      const counts = await intentCounts(runtime.db);
      return !counts.pending && !counts.processing;
    }, 15_000);
    const typeA = (await getHubspotConnection(runtime.db, a.id))!.objectTypeIds.licenses!;
    expect(fake.records(typeA)).toHaveLength(30);
  });
});
