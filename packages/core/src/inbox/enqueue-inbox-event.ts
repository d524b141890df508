import type { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { inboxEvents } from '../db/schema/index';
import { retryingJobOptions } from '../queues/job-options';
import { type ProcessInboxEventPayload, processInboxEventJob } from '../queues/jobs/process-inbox-event';
import type { InboxRow } from './record-inbox-event';
import { withTimeout } from './with-timeout';

export interface EnqueueOptions {
  attempts: number;
  backoffMs: number;
  /** Give up on Redis after this long; the relay picks the row up later. */
  timeoutMs?: number;
}

/**
 * Hands a stored event to the queue. Adding a job id that BullMQ still holds is a no-op, which is
 * what makes the relay safe to run over rows that may already be queued.
 */
export async function enqueueInboxEvent(
  db: DbOrTx,
  queue: Queue,
  row: InboxRow,
  opts: EnqueueOptions,
): Promise<void> {
  const payload: ProcessInboxEventPayload = {
    inboxEventId: row.id,
    workspaceId: row.workspaceId,
    provider: row.provider,
    type: row.type,
  };
  const add = queue.add(processInboxEventJob.name, payload, {
    ...retryingJobOptions(opts),
    jobId: processInboxEventJob.jobId(row.id, row.round),
  });
  await withTimeout(add, opts.timeoutMs ?? 3000, 'enqueue timed out');
  await db.update(inboxEvents).set({ enqueuedAt: new Date() }).where(eq(inboxEvents.id, row.id));
}
