import type { Config } from '@licensync/core/config';
import { createDb } from '@licensync/core/db';
import { purgePasswordSetTokens } from '@licensync/core/deliveries';
import { IDEMPOTENCY_KEY_TTL_MS, purgeIdempotencyKeys } from '@licensync/core/idempotency';
import { closeInOrder } from '@licensync/core/lifecycle';
import type { Logger } from '@licensync/core/logging';
import { createMetrics, registerStateGauges } from '@licensync/core/metrics';
import { purgeDoneIntents } from '@licensync/core/outbox';
import { closeQueues, createQueues, createRedis, QUEUES } from '@licensync/core/queues';
import { relayPendingEvents } from '@licensync/core/relay';
import { createSecretBoxFromConfig, resealSecrets } from '@licensync/core/secrets';
import { createStripeClient } from '@licensync/core/stripe';
import { purgeOutboundEvents } from '@licensync/core/webhooks';
import { createFailureAlerter } from './alerts/create-failure-alerter';
import { createWorkspaceStripe } from './clients/create-workspace-stripe';
import { createWorkers } from './create-workers';
import { createMailer } from './deliveries/create-mailer';
import { createLicenseDeliveryPoll } from './deliveries/poll-license-deliveries';
import { everyInterval } from './every-interval';
import { connectHubspotPortals } from './hubspot/connect-hubspot-portals';
import { createHubspotRuntime } from './hubspot/create-hubspot-runtime';
import { keepConnecting } from './hubspot/keep-connecting';
import { createOutboxPoll } from './hubspot/poll-outbox';
import { createStatusSweepTick } from './hubspot/schedule-status-sweeps';
import { readOperationalState } from './metrics/read-operational-state';
import { createResyncDeps } from './resyncs/create-resync-deps';
import { startResyncBookkeeping } from './resyncs/start-resync-bookkeeping';
import { createOutboundEventPoll } from './webhooks/poll-outbound-events';
import type { WorkerDeps } from './worker-deps';

export type WorkerRuntime = Awaited<ReturnType<typeof createWorkerRuntime>>;

/**
 * Everything the worker process runs, built from config: the BullMQ workers of every job (see
 * `createWorkers`), the inbox relay, the outbox poller, the purge of old sync intents, the HubSpot
 * connection (retried until it works) and the resync schedulers. Tests and the demo start it
 * in-process; `main.ts` adds signals and the environment.
 */
export async function createWorkerRuntime(config: Config, logger: Logger) {
  // Every worker, the relay and the purge share it: sized for their concurrency.
  const dbHandle = createDb(config.DATABASE_URL, { max: 20 });
  const workerRedis = createRedis(config.REDIS_URL, 'worker', config.REDIS_CLUSTER_NODES);
  const producerRedis = createRedis(config.REDIS_URL, 'producer', config.REDIS_CLUSTER_NODES);
  const queues = createQueues(producerRedis, config.QUEUE_PREFIX);
  const metrics = createMetrics({ defaults: false });
  registerStateGauges(metrics.registry, () => readOperationalState({ db: dbHandle.db, queues }));
  const stripe = createStripeClient({ apiKey: config.STRIPE_API_KEY, apiBase: config.STRIPE_API_BASE });
  const db = dbHandle.db;
  const secrets = createSecretBoxFromConfig(config);
  // Rows written before encryption, or under a rotated key, are sealed under the current key.
  const resealed = await resealSecrets(db, secrets);
  if (resealed > 0) logger.info({ resealed }, 'secrets sealed under the current ENCRYPTION_KEY');
  const stripeFor = createWorkspaceStripe({ config, db, secrets, fallback: stripe });
  const hubspot = createHubspotRuntime({ config, db, logger, metrics, secrets });
  const stopping = new AbortController();
  const resyncs = createResyncDeps({ config, db, logger, queues, stopping: stopping.signal, secrets });
  const alerts = createFailureAlerter({
    url: config.ALERT_WEBHOOK_URL,
    publicUrl: config.PUBLIC_URL,
    db,
    logger,
    metrics,
  });
  const mailer = config.SMTP_URL ? createMailer(config.SMTP_URL) : null;
  if (!mailer) logger.warn('SMTP_URL is not set: license delivery mails stay pending until it is');
  const deps: WorkerDeps = {
    config,
    db,
    logger,
    metrics,
    stripe,
    stripeFor,
    secrets,
    queues,
    hubspot,
    resyncs,
    alerts,
    mailer,
  };

  const connecting = keepConnecting(() => connectHubspotPortals({ config, db, hubspot }), {
    logger: hubspot.logger,
    firstDelayMs: config.HUBSPOT_CONNECT_RETRY_MS,
    maxDelayMs: 60_000,
  });
  // Connected (or failed once) before the workers start, so a healthy portal syncs from the first job.
  await connecting.firstAttempt;
  const workers = createWorkers(deps, workerRedis);
  const inboxWorker = workers.find((w) => w.name === QUEUES.inbox)!;
  const bookkeeping = startResyncBookkeeping(resyncs);

  const relay = everyInterval(
    config.RELAY_INTERVAL_MS,
    async () => {
      const n = await relayPendingEvents(db, queues.inbox, {
        attempts: config.JOB_ATTEMPTS,
        backoffMs: config.JOB_BACKOFF_MS,
        minAgeMs: config.RELAY_MIN_AGE_MS,
        stuckAfterMs: config.RELAY_STUCK_AFTER_MS,
      });
      if (n > 0) {
        metrics.inboxRelayed.inc(n);
        logger.info({ relayed: n }, 'relayed pending inbox events');
      }
    },
    { logger, what: 'relay' },
  );
  const outbox = everyInterval(
    config.HUBSPOT_SYNC_POLL_MS,
    createOutboxPoll({ db, config, queue: queues.hubspotSync }),
    {
      logger: hubspot.logger,
      what: 'outbox poll',
    },
  );
  void outbox.runNow();
  const outbound = everyInterval(
    config.HUBSPOT_SYNC_POLL_MS,
    createOutboundEventPoll({ db, config, queue: queues.webhooks }),
    { logger, what: 'outbound event poll' },
  );
  const statusSweeps = everyInterval(
    config.HUBSPOT_STATUS_SWEEP_MS,
    createStatusSweepTick({ db, config, queue: queues.statusSweeps }),
    { logger: hubspot.logger, what: 'status sweep' },
  );
  // Without a mail server the rows stay pending, and are sent once SMTP_URL is set.
  const deliveries = mailer
    ? everyInterval(
        config.HUBSPOT_SYNC_POLL_MS,
        createLicenseDeliveryPoll({ db, config, queue: queues.deliveries }),
        { logger, what: 'license delivery poll' },
      )
    : null;
  const purge = everyInterval(
    config.OUTBOX_PURGE_INTERVAL_MS,
    async () => {
      const limit = config.OUTBOX_PURGE_LIMIT;
      const batchSize = Math.min(1000, limit);
      const purged = await purgeDoneIntents(db, {
        olderThanMs: config.OUTBOX_RETENTION_DAYS * 86_400_000,
        batchSize,
        maxBatches: Math.ceil(limit / batchSize),
      });
      if (purged > 0) logger.info({ purged }, 'purged old sync intents');
      const keys = await purgeIdempotencyKeys(db, {
        olderThanMs: IDEMPOTENCY_KEY_TTL_MS,
        batchSize,
        maxBatches: Math.ceil(limit / batchSize),
      });
      if (keys > 0) logger.info({ purged: keys }, 'purged old idempotency keys');
      // Webhook events and their delivery log follow the outbox's retention.
      const events = await purgeOutboundEvents(db, {
        olderThanMs: config.OUTBOX_RETENTION_DAYS * 86_400_000,
        batchSize,
        maxBatches: Math.ceil(limit / batchSize),
      });
      if (events > 0) logger.info({ purged: events }, 'purged old outbound webhook events');
      // Expired password links open nothing; they go with the same retention.
      const links = await purgePasswordSetTokens(db, config.OUTBOX_RETENTION_DAYS * 86_400_000);
      if (links > 0) logger.info({ purged: links }, 'purged expired password links');
    },
    { logger, what: 'outbox purge' },
  );

  return {
    db,
    metrics,
    queues,
    hubspot: { ...hubspot, connected: connecting.connected },
    resyncsReady: bookkeeping,
    /** The worker of live webhook events, whose state the worker's `/readyz` reports. */
    inboxWorker,
    /**
     * Finishes in-flight jobs, then closes connections in reverse order of opening; every step
     * runs. A running resync stops at its next checkpoint; one that cannot reach it within
     * `WORKER_STOP_TIMEOUT_MS` is left to BullMQ's stalled check, which resumes it from the last
     * checkpoint after a restart.
     */
    async close(): Promise<void> {
      stopping.abort();
      connecting.stop();
      const steps = [
        () =>
          Promise.all([
            relay.stop(),
            outbox.stop(),
            outbound.stop(),
            statusSweeps.stop(),
            deliveries?.stop(),
            purge.stop(),
          ]),
        () => Promise.all(workers.map((w) => closeWithin(w, config.WORKER_STOP_TIMEOUT_MS))),
        () => bookkeeping,
        () => hubspot.close(),
        async () => mailer?.close(),
        () => closeQueues(queues),
        () => workerRedis.quit(),
        () => producerRedis.quit(),
        () => dbHandle.close(),
      ];
      await closeInOrder(steps, logger);
    },
  };
}

/** Waits for the worker's jobs to finish, at most `ms`; then closes it without waiting. */
async function closeWithin(worker: { close(force?: boolean): Promise<void> }, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const closing = worker.close();
  const result = await Promise.race([closing.then(() => 'closed' as const), timeout]);
  clearTimeout(timer);
  if (result === 'timeout') await worker.close(true);
}
