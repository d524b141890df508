import {
  type Config,
  type createRedis,
  createStripeClient,
  type Db,
  type Logger,
  QUEUES,
  type Queues,
  recoverResyncRuns,
  registerResyncSchedulers,
  runResyncJob,
} from '@licensync/core';
import { type Job, Worker } from 'bullmq';
import { createRequestPacer } from './create-request-pacer';
import type { ResyncDeps } from './resync-deps';
import { runResync } from './run-resync.job';
import { startScheduledResync } from './start-scheduled-resync.job';

/**
 * The resyncs worker (concurrency 1: bulk work never competes with itself, and live events have
 * their own queue), the per-workspace job schedulers, and recovery of runs whose job was lost.
 */
export function startResyncs(input: {
  db: Db;
  connection: ReturnType<typeof createRedis>;
  queues: Queues;
  config: Config;
  logger: Logger;
}) {
  const { config, logger, queues } = input;
  // No SDK retries: a slice's own attempts retry, and the pacer then sees every request.
  const stripe = createStripeClient({
    apiKey: config.STRIPE_API_KEY,
    apiBase: config.STRIPE_API_BASE,
    maxNetworkRetries: 0,
  });
  const deps: ResyncDeps = {
    db: input.db,
    stripe,
    pacer: createRequestPacer(stripe, config.RESYNC_STRIPE_PER_SECOND),
    queues,
    config,
    logger,
  };
  const worker = new Worker(
    QUEUES.resyncs,
    async (job: Job, token?: string) => {
      const payload = runResyncJob.schema.parse(job.data);
      return payload.trigger === 'run'
        ? runResync(job, payload.runId, deps, token)
        : startScheduledResync(payload, deps);
    },
    {
      connection: input.connection,
      prefix: config.QUEUE_PREFIX,
      concurrency: 1,
      lockDuration: config.JOB_LOCK_MS,
      stalledInterval: config.JOB_LOCK_MS,
      // A run whose worker died is resumed by the stalled check; after that, by start-up recovery.
      maxStalledCount: 3,
    },
  );
  worker.on('error', (err) => logger.error({ err: err.message }, 'resyncs worker error'));

  // In the background: neither may hold up live events or a stop signal, so failures are logged.
  const retry = { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS };
  const bookkeeping = (async () => {
    // The producer connection does not queue commands while it connects.
    await queues.resyncs.waitUntilReady();
    await registerResyncSchedulers(input.db, queues.resyncs, config.RESYNC_CRON);
    const recovered = await recoverResyncRuns(input.db, queues.resyncs, retry);
    if (recovered.length > 0) logger.info({ recovered }, 're-enqueued resync runs whose job was gone');
  })().catch((err: Error) => {
    logger.warn({ err: err.message }, 'resync schedulers or recovery failed; will try on next start');
  });

  return {
    worker,
    /** Resolves once schedulers are registered and lost runs re-enqueued (or that failed). */
    ready: bookkeeping,
    async close() {
      await bookkeeping;
      await worker.close();
    },
  };
}
