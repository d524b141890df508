import type { Queue } from 'bullmq';
import type pg from 'pg';
import { retryingJobOptions } from '../queues/job-options';
import { type ProcessInboxEventPayload, processInboxEventJob } from '../queues/jobs/process-inbox-event';
import type { EnqueueOptions } from './enqueue-inbox-event';
import type { QueuedInboxRow } from './inbox-record';
import { withTimeout } from './with-timeout';

const MARK_ENQUEUED = {
  name: 'inbox-mark-enqueued',
  // Only the round that was queued: a row reopened since then still needs its new job.
  text: `update inbox_events i set enqueued_at = now()
           from unnest($1::bigint[], $2::int[]) as v(id, round)
          where i.id = v.id and i.round = v.round`,
};

/**
 * Hands stored rows to the queue in one Redis round trip (BullMQ `addBulk`), then records that
 * they were queued in one statement. Adding a job id BullMQ still holds is a no-op, so the relay
 * may go over the same rows. If either step fails the rows stay `enqueued_at = null` and the relay
 * enqueues them later.
 */
export async function enqueueInboxBatch(
  pool: pg.Pool,
  queue: Queue,
  rows: QueuedInboxRow[],
  opts: EnqueueOptions,
): Promise<void> {
  const jobOptions = retryingJobOptions(opts);
  const jobs = rows.map((row) => {
    const data: ProcessInboxEventPayload = {
      inboxEventId: row.id,
      workspaceId: row.workspaceId,
      provider: row.provider,
      type: row.type,
    };
    return {
      name: processInboxEventJob.name,
      data,
      opts: { ...jobOptions, jobId: processInboxEventJob.jobId(row.id, row.round) },
    };
  });
  await withTimeout(queue.addBulk(jobs), opts.timeoutMs ?? 3000, 'enqueue timed out');
  await pool.query({ ...MARK_ENQUEUED, values: [rows.map((r) => r.id), rows.map((r) => r.round)] });
}
