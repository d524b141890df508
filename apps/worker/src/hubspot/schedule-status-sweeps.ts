import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import { sweepStatusesJob } from '@licensync/core/queues';
import * as schema from '@licensync/core/schema';
import type { Queue } from 'bullmq';
import { and, eq } from 'drizzle-orm';

/**
 * One tick of the status sweep: a `sweep-statuses` job per workspace with an active, enabled
 * HubSpot connection (the others have nowhere to send a status). Run every
 * `HUBSPOT_STATUS_SWEEP_MS`, so an expiry or a due date reaches HubSpot within about that interval
 * plus one outbox poll.
 */
export function createStatusSweepTick(deps: { db: Db; config: Config; queue: Queue }) {
  const retry = sweepStatusesJob.retry(deps.config);
  return async function scheduleStatusSweeps(): Promise<void> {
    const connected = await deps.db
      .select({ workspaceId: schema.hubspotConnections.workspaceId })
      .from(schema.hubspotConnections)
      .where(
        and(eq(schema.hubspotConnections.enabled, true), eq(schema.hubspotConnections.status, 'active')),
      );
    for (const { workspaceId } of connected) {
      await deps.queue.add(
        sweepStatusesJob.name,
        { workspaceId },
        {
          jobId: sweepStatusesJob.jobId(workspaceId),
          attempts: retry.attempts,
          backoff: { type: 'exponential', delay: retry.backoffMs },
          // Removed when finished, so the next tick can enqueue the same job id again.
          removeOnComplete: true,
          removeOnFail: true,
        },
      );
    }
  };
}
