import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import type { Logger } from '@licensync/core/logging';
import { createMetrics } from '@licensync/core/metrics';
import { enqueueSyncIntent } from '@licensync/core/outbox';
import { createRedis } from '@licensync/core/queues';
import * as schema from '@licensync/core/schema';
import {
  createHubspotCaller,
  createHubspotClient,
  createHubspotMetrics,
  createPortalRateLimiter,
  type HubspotSession,
} from '@licensync/hubspot';

/** A product to license; one per workspace is enough for sync tests and the benchmark. */
export async function seedProduct(db: Db, workspaceId: string): Promise<string> {
  const [row] = await db
    .insert(schema.products)
    .values({ workspaceId, shortCode: 'cad-pro', name: 'CAD Pro', authorizationMethod: 'license-key' })
    .onConflictDoNothing()
    .returning({ id: schema.products.id });
  if (row) return row.id;
  const [existing] = await db.select({ id: schema.products.id }).from(schema.products);
  return existing!.id;
}

/**
 * `n` customers with sync intents, all people (HubSpot contacts); every `companyEvery`-th buys for
 * a company (its name and domain in the metadata), which HubSpot gets too, associated with them.
 */
export async function seedCustomers(
  db: Db,
  workspaceId: string,
  n: number,
  opts: { prefix?: string; companyEvery?: number } = {},
): Promise<string[]> {
  const prefix = opts.prefix ?? 'buyer';
  const rows = Array.from({ length: n }, (_, i) => {
    const company = opts.companyEvery !== undefined && i % opts.companyEvery === 0;
    return {
      workspaceId,
      email: `${prefix}${i}@${company ? `co${i}.${prefix}.test` : 'mail.test'}`,
      name: company ? `${prefix} Co ${i}` : `Ada ${prefix}${i}`,
      customerType: 'individual' as const,
      stripeCustomerId: `cus_${prefix}_${i}`,
      metadata: (company ? { domain: `co${i}.${prefix}.test`, company: `${prefix} Co ${i}` } : {}) as Record<
        string,
        string
      >,
    };
  });
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 1000) {
      const inserted = await tx
        .insert(schema.customers)
        .values(rows.slice(i, i + 1000))
        .returning({ id: schema.customers.id });
      ids.push(...inserted.map((r) => r.id));
    }
    await enqueueSyncIntent(tx, workspaceId, 'customer', ids);
    return ids;
  });
}

/** `n` licenses spread over `customerIds`, each with its sync intent, as provisioning writes them. */
export async function seedLicenses(
  db: Db,
  workspaceId: string,
  opts: { productId: string; customerIds: string[]; n: number; tag?: string },
): Promise<string[]> {
  const tag = opts.tag ?? 'seed';
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let start = 0; start < opts.n; start += 1000) {
      const values = Array.from({ length: Math.min(1000, opts.n - start) }, (_, k) => {
        const i = start + k;
        return {
          workspaceId,
          sourceKey: `test:${tag}:${i}:0`,
          customerId: opts.customerIds[i % opts.customerIds.length]!,
          productId: opts.productId,
          licenseKey: `${tag.toUpperCase()}-${String(i).padStart(6, '0')}`,
          licenseType: 'subscription' as const,
          validUntil: new Date(Date.UTC(2027, 0, 1) + i * 60_000),
          maxActivations: 3,
        };
      });
      const inserted = await tx.insert(schema.licenses).values(values).returning({ id: schema.licenses.id });
      ids.push(...inserted.map((r) => r.id));
    }
    await enqueueSyncIntent(tx, workspaceId, 'license', ids);
    return ids;
  });
}

/** A rate-limited SDK session of our own, for calling `deployHubspotSchema` from a test. */
export function testSession(config: Config, logger: Logger, portal: { portalId: number; token: string }) {
  const redis = createRedis(config.REDIS_URL, 'worker');
  const limiter = createPortalRateLimiter({
    redis,
    prefix: config.QUEUE_PREFIX,
    maxPer10s: config.HUBSPOT_MAX_REQUESTS_PER_10S,
    searchPerSecond: config.HUBSPOT_SEARCH_PER_SECOND,
  });
  const portalId = String(portal.portalId);
  const metrics = createHubspotMetrics(createMetrics());
  const session: HubspotSession = {
    portalId,
    client: createHubspotClient({ accessToken: portal.token, basePath: config.HUBSPOT_API_BASE }),
    call: createHubspotCaller({ limiter, portalId, metrics, logger }),
  };
  return { session, limiter, close: () => redis.quit() };
}

/** Sync intents by status, e.g. `{ done: 250 }`. */
export async function intentCounts(db: Db, kind?: string): Promise<Record<string, number>> {
  const rows = await db.select().from(schema.syncOutbox);
  const counts: Record<string, number> = {};
  for (const r of rows) if (!kind || r.objectKind === kind) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}
