import {
  createLastCheckBuffer,
  createLicenseRowCache,
  listenForLicenseChanges,
} from '@licensync/core/activations';
import type { Config } from '@licensync/core/config';
import { createDb } from '@licensync/core/db';
import { createInboxWriter } from '@licensync/core/inbox';
import { closeInOrder, listen } from '@licensync/core/lifecycle';
import type { Logger } from '@licensync/core/logging';
import { createMetrics } from '@licensync/core/metrics';
import { closeQueues, createQueues, createRedis } from '@licensync/core/queues';
import { createSecretBoxFromConfig } from '@licensync/core/secrets';
import { createStripeClient } from '@licensync/core/stripe';
import { ensureDefaultWorkspace } from '@licensync/core/workspaces';
import { createApp } from './app';
import { createLimitedServer } from './create-limited-server';

export type ApiRuntime = Awaited<ReturnType<typeof createApiRuntime>>;

/** Builds the api's dependencies and starts listening; `close()` undoes it in reverse order. */
export async function createApiRuntime(config: Config, logger: Logger) {
  const dbHandle = createDb(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL, 'producer', config.REDIS_CLUSTER_NODES);
  const queues = createQueues(redis, config.QUEUE_PREFIX);
  // Its own connection: every license call counts here, and auto-pipelining is for this alone.
  const licenseRateRedis = createRedis(config.REDIS_URL, 'producer', config.REDIS_CLUSTER_NODES, {
    autoPipelining: true,
  });
  const metrics = createMetrics({ defaults: true });
  const stripe = createStripeClient({ apiKey: config.STRIPE_API_KEY, apiBase: config.STRIPE_API_BASE });
  const workspace = await ensureDefaultWorkspace(dbHandle.db);
  const inbox = createInboxWriter({
    pool: dbHandle.pool,
    queue: queues.inbox,
    enqueue: { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS },
    onEnqueueError: (err, rows) =>
      logger.warn({ rows, err: err.message }, 'enqueue failed; the relay will retry'),
  });
  const lastChecks = createLastCheckBuffer({
    db: dbHandle.db,
    flushMs: config.LICENSE_CHECK_FLUSH_MS,
    syncResolutionS: config.LICENSE_CHECK_SYNC_RESOLUTION_S,
    onError: (err) => logger.warn({ err }, 'writing license last checks failed; kept for the next flush'),
  });
  const licenseRowCache = createLicenseRowCache({ ttlMs: config.LICENSE_CHECK_CACHE_MS });
  const licenseChanges = listenForLicenseChanges({
    pool: dbHandle.pool,
    cache: licenseRowCache,
    onError: (err) => logger.warn({ err }, 'license change notifications lost; checks uncached until back'),
  });
  await licenseChanges.ready;
  const app = createApp({
    config,
    db: dbHandle.db,
    redis,
    licenseRateRedis,
    queues,
    logger,
    metrics,
    stripe,
    secrets: createSecretBoxFromConfig(config),
    inbox,
    lastChecks,
    licenseRowCache,
    licenseChangeFence: () => licenseChanges.fence(),
    defaultWorkspaceId: workspace.id,
  });
  const server = createLimitedServer(app, config);
  const { port } = await listen(server, { host: config.HOST, port: config.PORT, variable: 'PORT' }).catch(
    async (err: unknown) => {
      // Nothing else may keep the process alive once start-up has failed.
      await Promise.allSettled([
        licenseChanges.close(),
        closeQueues(queues),
        redis.quit(),
        licenseRateRedis.quit(),
        dbHandle.close(),
      ]);
      throw err;
    },
  );
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db: dbHandle.db,
    workspaceId: workspace.id,
    queues,
    lastChecks,
    async close(): Promise<void> {
      const steps = [
        () => new Promise<void>((resolve) => server.close(() => resolve())),
        // Rows committed and acknowledged but not yet queued: queue them while Redis is still open.
        () => inbox.drain(),
        // Checks answered but not yet written: write them while Postgres is still open.
        () => lastChecks.close(),
        () => licenseChanges.close(),
        () => closeQueues(queues),
        () => redis.quit(),
        () => licenseRateRedis.quit(),
        () => dbHandle.close(),
      ];
      await closeInOrder(steps, logger);
    },
  };
}
