import type { Queue } from 'bullmq';
import type pg from 'pg';
import { retryingJobOptions } from '../queues/job-options';
import { type ProcessInboxEventPayload, processInboxEventJob } from '../queues/jobs/process-inbox-event';
import type { EnqueueOptions } from './enqueue-inbox-event';
import type { QueuedInboxRow } from './inbox-record';
import { withTimeout } from './with-timeout';

const MARK_NOT_ENQUEUED = {
  name: 'inbox-mark-not-enqueued',
  // Only the round that was being queued: a row reopened since then has its own job to add.
  text: `update inbox_events i set enqueued_at = null
           from unnest($1::bigint[], $2::int[]) as v(id, round)
          where i.id = v.id and i.round = v.round`,
};

/**
 * Hands rows the ingress just stored to the queue in one Redis round trip (BullMQ `addBulk`).
 * They were stored with `enqueued_at` set; if the add fails it is cleared, so the relay enqueues
 * them once they are `RELAY_MIN_AGE_MS` old. Should the process die in between, the relay's check
 * of rows queued long ago and still pending finds the missing job (after `RELAY_STUCK_AFTER_MS`).
 * Adding a job id BullMQ still holds is a no-op, so the relay may go over the same rows.
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
  try {
    await withTimeout(queue.addBulk(jobs), opts.timeoutMs ?? 3000, 'enqueue timed out');
  } catch (err) {
    await pool.query({ ...MARK_NOT_ENQUEUED, values: [rows.map((r) => r.id), rows.map((r) => r.round)] });
    throw err;
  }
}
