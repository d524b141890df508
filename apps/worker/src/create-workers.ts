import {
  type createRedis,
  isFinalFailure,
  JOBS,
  type JobContract,
  QUEUES,
  type QueueName,
} from '@licensync/core/queues';
import { type Job, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import { jobHandlers } from './jobs/index';
import type { WorkerDeps } from './worker-deps';

type QueueSettings = (config: WorkerDeps['config']) => Partial<WorkerOptions>;

/** How each queue is worked; everything else is the same for all (`createWorkers`). */
const QUEUE_SETTINGS: Record<QueueName, QueueSettings> = {
  [QUEUES.inbox]: (config) => ({
    concurrency: config.WORKER_CONCURRENCY,
    stalledInterval: config.JOB_LOCK_MS,
  }),
  // Mostly waiting on HubSpot and the rate limiter, so more at once than the CPU-bound inbox.
  // A dead worker's batch must not hold its deduplicated job id for BullMQ's default 30 s check.
  [QUEUES.hubspotSync]: (config) => ({
    concurrency: Math.max(4, config.WORKER_CONCURRENCY),
    stalledInterval: config.JOB_LOCK_MS,
  }),
  // One at a time: bulk work never competes with itself, and live events have their own queue.
  [QUEUES.resyncs]: (config) => ({ concurrency: 1, stalledInterval: config.JOB_LOCK_MS }),
  // Waiting on vendors' servers, not the CPU: a slow receiver must not hold up the others.
  [QUEUES.webhooks]: (config) => ({
    concurrency: Math.max(8, config.WORKER_CONCURRENCY),
    stalledInterval: config.JOB_LOCK_MS,
  }),
  // A few quick queries per workspace each tick: one at a time is plenty.
  [QUEUES.statusSweeps]: (config) => ({ concurrency: 1, stalledInterval: config.JOB_LOCK_MS }),
  // Both wait on HubSpot's limiter; a deal card is waiting on the reads, so they never queue behind syncs.
  [QUEUES.workflowActions]: (config) => ({
    concurrency: Math.max(4, config.WORKER_CONCURRENCY),
    stalledInterval: config.JOB_LOCK_MS,
  }),
  [QUEUES.dealAssociations]: (config) => ({
    concurrency: Math.max(8, config.WORKER_CONCURRENCY),
    stalledInterval: config.JOB_LOCK_MS,
  }),
  // Waiting on the mail server; a few at once, within what SMTP servers accept per client.
  [QUEUES.deliveries]: (config) => ({
    concurrency: Math.max(4, config.WORKER_CONCURRENCY),
    stalledInterval: config.JOB_LOCK_MS,
  }),
};

/**
 * One BullMQ Worker per job contract, each running the handler `jobHandlers` names for it, all
 * with one failure policy: a job whose worker died is retried by the stalled check (a few lives),
 * a failure that will be retried is a warning, and a final one (see `isFinalFailure`) an error.
 * What a final failure leaves behind for operators (a `job_failures` row, a failed resync run) is
 * written by the handler itself before BullMQ is told, so it survives Redis losing the job.
 */
export function createWorkers(deps: WorkerDeps, connection: ReturnType<typeof createRedis>): Worker[] {
  return JOBS.map((contract) => createWorker(contract, deps, connection));
}

function createWorker(
  contract: JobContract,
  deps: WorkerDeps,
  connection: ReturnType<typeof createRedis>,
): Worker {
  const { config } = deps;
  const processor = jobHandlers[contract.name](deps);
  const logger = deps.logger.child({ queue: contract.queue });
  const worker = new Worker(
    contract.queue,
    async (job: Job, token?: string) => {
      if (job.name !== contract.name) {
        throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${contract.queue}`);
      }
      const stop = deps.metrics.jobDuration.startTimer({ queue: contract.queue, job: job.name });
      try {
        const result = await processor(job, token);
        stop({ outcome: 'completed' });
        return result;
      } catch (err) {
        stop({ outcome: 'failed' });
        throw err;
      }
    },
    {
      connection,
      prefix: config.QUEUE_PREFIX,
      lockDuration: config.JOB_LOCK_MS,
      maxStalledCount: 3,
      ...QUEUE_SETTINGS[contract.queue](config),
    },
  );
  worker.on('error', (err) => logger.error({ err: err.message }, 'worker error'));
  worker.on('failed', (job, err) => {
    const detail = { jobId: job?.id, job: job?.name, attempt: job?.attemptsMade ?? 0, err: err.message };
    // BullMQ has already counted the attempt that failed when it emits this.
    const final = job ? isFinalFailure({ ...job, attemptsMade: job.attemptsMade - 1 }, err) : true;
    if (final) logger.error(detail, 'job failed for good');
    else logger.warn(detail, 'job failed; will retry');
  });
  return worker;
}
