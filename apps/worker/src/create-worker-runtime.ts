import {
  type Config,
  closeQueues,
  createDb,
  createMetrics,
  createQueues,
  createRedis,
  createStripeClient,
  type Logger,
  QUEUES,
  relayPendingEvents,
} from '@licensync/core';
import { Worker } from 'bullmq';
import { startHubspotSync } from './hubspot/start-hubspot-sync';
import { createInboxProcessor } from './processors/process-inbox-event';
import { startResyncs } from './resyncs/start-resyncs';

export type WorkerRuntime = Awaited<ReturnType<typeof createWorkerRuntime>>;

/**
 * Everything the worker process runs, built from config: the inbox worker, the relay and the HubSpot sync.
 * Tests and the demo start it in-process; `main.ts` adds signals and the environment.
 */
export async function createWorkerRuntime(config: Config, logger: Logger) {
  const dbHandle = createDb(config.DATABASE_URL);
  const workerRedis = createRedis(config.REDIS_URL, 'worker');
  const producerRedis = createRedis(config.REDIS_URL, 'producer');
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

  return {
    db: dbHandle.db,
    metrics,
    queues,
    hubspot,
    /** Finishes in-flight jobs, then closes connections in reverse order of opening; every step runs. */
    async close(): Promise<void> {
      clearInterval(relayTimer);
      const steps = [
        () => inboxWorker.close(),
        () => resyncs.close(),
        () => hubspot.close(),
        () => closeQueues(queues),
        () => workerRedis.quit(),
        () => producerRedis.quit(),
        () => dbHandle.close(),
      ];
      for (const step of steps) {
        try {
          await step();
        } catch (err) {
          logger.warn({ err: (err as Error).message }, 'shutdown step failed');
        }
      }
    },
  };
}
