import { z } from 'zod';
import { QUEUES } from '../names';
import { configuredRetry } from './job-retry';

export const RESYNC_KINDS = ['stripe-reconcile', 'hubspot-resync'] as const;
export type ResyncKind = (typeof RESYNC_KINDS)[number];

/**
 * Works on the `resyncs` queue (concurrency 1, apart from live webhook traffic). Two triggers:
 * `run` processes one `resync_runs` row and uses the run id as the job id, so one run is never
 * processed twice at once; `schedule` is what a job scheduler fires, and only creates a run.
 */
export const runResyncJob = {
  name: 'run-resync',
  queue: QUEUES.resyncs,
  schema: z.discriminatedUnion('trigger', [
    z.object({ trigger: z.literal('run'), runId: z.uuid() }),
    z.object({ trigger: z.literal('schedule'), workspaceId: z.uuid(), kind: z.enum(RESYNC_KINDS) }),
  ]),
  jobId: (runId: string) => runId,
  /** Persisted in Redis by name: renaming one orphans the scheduler registered under the old id. */
  schedulerId: (workspaceId: string, kind: ResyncKind) => `resync-${workspaceId}-${kind}`,
  retry: configuredRetry,
} as const;

export type RunResyncPayload = z.infer<typeof runResyncJob.schema>;
