import {
  type Config,
  closeInOrder,
  closeQueues,
  createDb,
  createMetrics,
  createQueues,
  createRedis,
  createStripeClient,
  type Logger,
  purgeDoneIntents,
  QUEUES,
  relayPendingEvents,
} from '@licensync/core';
import { Worker } from 'bullmq';
import { startHubspotSync } from './hubspot/start-hubspot-sync';
import { createInboxProcessor } from './processors/process-inbox-event';
import { startResyncs } from './resyncs/start-resyncs';

export type WorkerRuntime = Awaited<ReturnType<typeof createWorkerRuntime>>;

/**
 * Everything the worker process runs, built from config: the inbox worker, the relay, the HubSpot
 * sync and the purge of sync intents older than `OUTBOX_RETENTION_DAYS`.
 * Tests and the demo start it in-process; `main.ts` adds signals and the environment.
 */
export async function createWorkerRuntime(config: Config, logger: Logger) {
  // Inbox, HubSpot and resync workers, the relay and the purge share it: sized for their concurrency.
  const dbHandle = createDb(config.DATABASE_URL, { max: 20 });
  const workerRedis = createRedis(config.REDIS_URL, 'worker', config.REDIS_CLUSTER_NODES);
  const producerRedis = createRedis(config.REDIS_URL, 'producer', config.REDIS_CLUSTER_NODES);
  const queues = createQueues(producerRedis, config.QUEUE_PREFIX);
  const metrics = createMetrics({ defaults: false });
  const stripe = createStripeClient({ apiKey: config.STRIPE_API_KEY, apiBase: config.STRIPE_API_BASE });

  const inboxWorker = new Worker(
    QUEUES.inbox,
    createInboxProcessor({ db: dbHandle.db, stripe, logger, config, metrics }),
    {
      connection: workerRedis,
      prefix: config.QUEUE_PREFIX,
      concurrency: config.WORKER_CONCURRENCY,
      lockDuration: config.JOB_LOCK_MS,
      stalledInterval: config.JOB_LOCK_MS,
      // A job whose worker died is retried by the stalled check; give it a few lives.
      maxStalledCount: 3,
    },
  );
  inboxWorker.on('error', (err) => logger.error({ err: err.message }, 'inbox worker error'));
  const resyncs = startResyncs({ db: dbHandle.db, connection: workerRedis, queues, config, logger });
  const hubspot = await startHubspotSync({
    config,
    db: dbHandle.db,
    logger,
    metrics,
    queue: queues.hubspotSync,
    workerRedis,
  });

  let relayRunning = false;
  const relayTimer = setInterval(async () => {
    if (relayRunning) return;
    relayRunning = true;
    try {
      const n = await relayPendingEvents(dbHandle.db, queues.inbox, {
        attempts: config.JOB_ATTEMPTS,
        backoffMs: config.JOB_BACKOFF_MS,
        minAgeMs: config.RELAY_MIN_AGE_MS,
        stuckAfterMs: config.RELAY_STUCK_AFTER_MS,
      });
      if (n > 0) {
        metrics.inboxRelayed.inc(n);
        logger.info({ relayed: n }, 'relayed pending inbox events');
      }
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'relay failed; will try again');
    } finally {
      relayRunning = false;
    }
  }, config.RELAY_INTERVAL_MS);

  let purging = false;
  const purgeTimer = setInterval(async () => {
    if (purging) return;
    purging = true;
    try {
      const limit = config.OUTBOX_PURGE_LIMIT;
      const batchSize = Math.min(1000, limit);
      const purged = await purgeDoneIntents(dbHandle.db, {
        olderThanMs: config.OUTBOX_RETENTION_DAYS * 86_400_000,
        batchSize,
        maxBatches: Math.ceil(limit / batchSize),
      });
      if (purged > 0) logger.info({ purged }, 'purged old sync intents');
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'outbox purge failed; will try again');
    } finally {
      purging = false;
    }
  }, config.OUTBOX_PURGE_INTERVAL_MS);

  return {
    db: dbHandle.db,
    metrics,
    queues,
    hubspot,
    /** Finishes in-flight jobs, then closes connections in reverse order of opening; every step runs. */
    async close(): Promise<void> {
      clearInterval(relayTimer);
      clearInterval(purgeTimer);
      const steps = [
        () => inboxWorker.close(),
        () => resyncs.close(),
        () => hubspot.close(),
        () => closeQueues(queues),
        () => workerRedis.quit(),
        () => producerRedis.quit(),
        () => dbHandle.close(),
      ];
      await closeInOrder(steps, logger);
    },
  };
}
