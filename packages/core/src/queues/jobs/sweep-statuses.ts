import { z } from 'zod';
import { QUEUES } from '../names';
import type { JobRetry, RetryConfig } from './job-retry';

/**
 * Queues the HubSpot sync of one workspace's records whose status changed with time alone: a
 * license that expired, an invoice that became overdue. No event marks these, so without the sweep
 * HubSpot would show them only after the nightly resync. Enqueued every `HUBSPOT_STATUS_SWEEP_MS`
 * for each workspace with an active HubSpot connection; the job id makes a second enqueue while
 * one waits a no-op.
 */
export const sweepStatusesJob = {
  name: 'sweep-statuses',
  queue: QUEUES.statusSweeps,
  schema: z.object({ workspaceId: z.uuid() }),
  /** BullMQ refuses ':' in custom ids. */
  jobId: (workspaceId: string) => `status-sweep-${workspaceId}`,
  /** A failed sweep is simply the next tick's window too: few attempts. */
  retry: (config: RetryConfig): JobRetry => ({ attempts: 3, backoffMs: config.JOB_BACKOFF_MS }),
} as const;

export type SweepStatusesPayload = z.infer<typeof sweepStatusesJob.schema>;
