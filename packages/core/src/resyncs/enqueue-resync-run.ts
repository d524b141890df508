import type { Queue } from 'bullmq';
import { retryingJobOptions } from '../queues/job-options';
import { type RunResyncPayload, runResyncJob } from '../queues/jobs/run-resync';

/**
 * Queues the processing of one run under the run's id. While a job with that id exists BullMQ
 * ignores a second add, so requesting, the scheduler and start-up recovery may all call this.
 */
export async function enqueueResyncRun(
  queue: Queue,
  runId: string,
  retry: { attempts: number; backoffMs: number },
): Promise<void> {
  const data: RunResyncPayload = { trigger: 'run', runId };
  await queue.add(runResyncJob.name, data, {
    ...retryingJobOptions(retry),
    jobId: runResyncJob.jobId(runId),
  });
}
