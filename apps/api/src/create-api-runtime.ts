import type { Server } from 'node:http';
import {
  type Config,
  closeInOrder,
  closeQueues,
  createDb,
  createInboxWriter,
  createMetrics,
  createQueues,
  createRedis,
  createStripeClient,
  ensureDefaultWorkspace,
  type Logger,
} from '@licensync/core';
import { createApp } from './app';
import { listenWithLimits } from './listen-with-limits';

export type ApiRuntime = Awaited<ReturnType<typeof createApiRuntime>>;

/** Builds the api's dependencies and starts listening; `close()` undoes it in reverse order. */
export async function createApiRuntime(config: Config, logger: Logger) {
  const dbHandle = createDb(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL, 'producer');
  const queues = createQueues(redis, config.QUEUE_PREFIX);
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
  const app = createApp({
    config,
    db: dbHandle.db,
    redis,
    queues,
    logger,
    metrics,
    stripe,
    inbox,
    defaultWorkspaceId: workspace.id,
  });
  const server: Server = await listenWithLimits(app, config);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db: dbHandle.db,
    workspaceId: workspace.id,
    queues,
    async close(): Promise<void> {
      const steps = [
        () => new Promise<void>((resolve) => server.close(() => resolve())),
        // Rows committed and acknowledged but not yet queued: queue them while Redis is still open.
        () => inbox.drain(),
        () => closeQueues(queues),
        () => redis.quit(),
        () => dbHandle.close(),
      ];
      await closeInOrder(steps, logger);
    },
  };
}
