import { enqueueStatusChanges } from '@licensync/core/outbox';
import { sweepStatusesJob } from '@licensync/core/queues';
import type { Job } from 'bullmq';
import type { JobHandler } from './job-handler';

/**
 * Runs one `sweep-statuses` job: queues, through the outbox, the HubSpot sync of the workspace's
 * licenses that expired and invoices that became overdue since its last sweep; the outbox poller
 * then brings them to HubSpot like any change. Idempotent because the window and its intents
 * commit together (see `enqueueStatusChanges`); a failure leaves the window for the next sweep.
 */
export const createSweepStatuses: JobHandler = (deps) =>
  async function sweepStatuses(job: Job): Promise<string> {
    const { workspaceId } = sweepStatusesJob.schema.parse(job.data);
    const swept = await enqueueStatusChanges({ db: deps.db, workspaceId, now: new Date() });
    if (!swept.window) return 'no HubSpot connection';
    if (swept.licenses + swept.invoices > 0) {
      deps.logger.info(
        { workspaceId, ...swept },
        'queued licenses and invoices whose status changed with time',
      );
    }
    return `${swept.licenses} expired licenses, ${swept.invoices} overdue invoices`;
  };
