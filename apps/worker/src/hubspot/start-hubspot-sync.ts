import {
  type Config,
  createHubspotMetrics,
  createPortalRateLimiter,
  createRedis,
  type Db,
  hubspotSyncJob,
  type Logger,
  listPendingSyncWork,
  type Metrics,
  QUEUES,
  releaseExpiredClaims,
  schema,
} from '@licensync/core';
import { type Queue, Worker } from 'bullmq';
import { connectStaticToken } from './connect-static-token';
import { createHubspotSyncProcessor } from './create-hubspot-sync-processor';
import { createPortalSessions } from './create-portal-sessions';

/** Expired claims are looked for every this many polls. */
const REAP_EVERY = 20;

/**
 * The HubSpot half of the worker: connects the static token, deploys the schema, runs the
 * `hubspot-sync` worker and polls the outbox every `HUBSPOT_SYNC_POLL_MS`, enqueuing one job per
 * workspace + kind with due intents (the job id deduplicates). A change reaches HubSpot within
 * about one poll interval plus the time its batch takes.
 */
export async function startHubspotSync(deps: {
  config: Config;
  db: Db;
  logger: Logger;
  metrics: Metrics;
  queue: Queue;
  workerRedis: ReturnType<typeof createRedis>;
}) {
  const { config, db } = deps;
  const logger = deps.logger.child({ component: 'hubspot-sync' });
  const metrics = createHubspotMetrics(deps.metrics);
  const limiterRedis = createRedis(config.REDIS_URL, 'worker', config.REDIS_CLUSTER_NODES);
  const limiter = createPortalRateLimiter({
    redis: limiterRedis,
    prefix: config.QUEUE_PREFIX,
    maxPer10s: config.HUBSPOT_MAX_REQUESTS_PER_10S,
    searchPerSecond: config.HUBSPOT_SEARCH_PER_SECOND,
  });
  const portals = createPortalSessions({ db, config, logger, metrics, limiter });

  const connections = async () =>
    (await db.select().from(schema.hubspotConnections)).filter((c) => c.enabled);
  try {
    if (config.HUBSPOT_ACCESS_TOKEN) {
      await connectStaticToken({
        db,
        config,
        logger,
        metrics,
        limiter,
        accessToken: config.HUBSPOT_ACCESS_TOKEN,
      });
    }
    await Promise.all((await connections()).map((c) => portals.ready(c)));
  } catch (err) {
    // HubSpot down at start must not stop license provisioning; the first sync job tries again.
    logger.error({ err: (err as Error).message }, 'HubSpot connect/deploy failed; will retry on sync');
  }

  const worker = new Worker(
    QUEUES.hubspotSync,
    createHubspotSyncProcessor({ db, config, logger, metrics, portals }),
    {
      connection: deps.workerRedis,
      prefix: config.QUEUE_PREFIX,
      concurrency: Math.max(4, config.WORKER_CONCURRENCY),
      lockDuration: config.JOB_LOCK_MS,
      // As for inbox jobs: a dead worker's batch must not hold the deduplicated job id for
      // BullMQ's default 30 s check interval when the lock is shorter.
      stalledInterval: config.JOB_LOCK_MS,
      maxStalledCount: 3,
    },
  );
  worker.on('error', (err) => logger.error({ err: err.message }, 'hubspot worker error'));
  worker.on('failed', (job, err) =>
    logger.warn({ jobId: job?.id, err: err.message }, 'hubspot sync job failed'),
  );

  let polls = 0;
  let polling = false;
  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      if (polls++ % REAP_EVERY === 0) await releaseExpiredClaims(db);
      for (const work of await listPendingSyncWork(db)) {
        await deps.queue.add(hubspotSyncJob.name, work, {
          jobId: hubspotSyncJob.jobId(work.workspaceId, work.kind),
          attempts: hubspotSyncJob.attempts,
          backoff: { type: 'exponential', delay: config.JOB_BACKOFF_MS, jitter: 0.5 },
          // Removed when finished, so the same job id can be enqueued again for the next change.
          removeOnComplete: true,
          removeOnFail: true,
        });
      }
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'outbox poll failed; will try again');
    } finally {
      polling = false;
    }
  };
  const timer = setInterval(poll, config.HUBSPOT_SYNC_POLL_MS);
  void poll();

  return {
    metrics,
    limiter,
    portals,
    async close(): Promise<void> {
      clearInterval(timer);
      await worker.close();
      await limiterRedis.quit();
    },
  };
}
