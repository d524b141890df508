import type { Queue } from 'bullmq';
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { inboxEvents } from '../db/schema/index';
import { recordJobFailure } from '../failures/record-job-failure';
import { type EnqueueOptions, enqueueInboxEvent } from '../inbox/enqueue-inbox-event';
import type { InboxRow } from '../inbox/record-inbox-event';
import { processInboxEventJob } from '../queues/jobs/process-inbox-event';

// Any constant works; it only has to be the same in every process.
const RELAY_LOCK_KEY = 7_301_001;

export interface RelayOptions extends EnqueueOptions {
  /** A row never handed to the queue is relayed once it is this old. */
  minAgeMs: number;
  /** A queued row still pending after this long has its job looked at. */
  stuckAfterMs?: number;
  batchSize?: number;
}

/**
 * Makes sure every pending inbox row has a live job. One relay at a time across processes, by a
 * Postgres advisory lock held for the transaction.
 * - Rows never enqueued (Redis was down, or the api died between insert and enqueue) are enqueued.
 * - Rows enqueued long ago and still pending have their job looked at: a job Redis lost is added
 *   again; a job BullMQ failed without our processor recording it (stalled too often, a payload it
 *   could not read) becomes a kept, replayable failure. Those still waiting are checked again later.
 * Two separate selections, so a long backlog of waiting jobs never starves rows never enqueued.
 */
export async function relayPendingEvents(db: Db, queue: Queue, opts: RelayOptions): Promise<number> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ locked: boolean }>(
      sql`select pg_try_advisory_xact_lock(${RELAY_LOCK_KEY}) as locked`,
    );
    if (!lock.rows[0]?.locked) return 0;
    const limit = opts.batchSize ?? 500;
    const fresh = await tx
      .select()
      .from(inboxEvents)
      .where(
        and(
          eq(inboxEvents.status, 'pending'),
          isNull(inboxEvents.enqueuedAt),
          lt(inboxEvents.receivedAt, new Date(Date.now() - opts.minAgeMs)),
        ),
      )
      .orderBy(asc(inboxEvents.id))
      .limit(limit);
    let relayed = 0;
    for (const row of fresh) {
      await enqueueInboxEvent(tx, queue, row, opts);
      relayed++;
    }

    const stuck = await tx
      .select()
      .from(inboxEvents)
      .where(
        and(
          eq(inboxEvents.status, 'pending'),
          lt(inboxEvents.enqueuedAt, new Date(Date.now() - (opts.stuckAfterMs ?? 60_000))),
        ),
      )
      .orderBy(asc(inboxEvents.enqueuedAt))
      .limit(Math.min(limit, 100));
    for (const row of stuck) {
      // Each row in its own savepoint: one that cannot be handled must not undo the others.
      try {
        relayed += await tx.transaction((rowTx) => checkQueuedRow(rowTx, queue, row, opts));
      } catch {
        // Left pending; the next sweep looks at it again.
      }
    }
    return relayed;
  });
}

/** A queued row still pending: re-add a lost job, keep a failure BullMQ recorded without us. */
async function checkQueuedRow(db: DbOrTx, queue: Queue, row: InboxRow, opts: RelayOptions): Promise<number> {
  const job = await queue.getJob(processInboxEventJob.jobId(row.id, row.round));
  if (!job) {
    await enqueueInboxEvent(db, queue, row, opts);
    return 1;
  }
  if (!(await job.isFailed())) {
    await db.update(inboxEvents).set({ enqueuedAt: new Date() }).where(eq(inboxEvents.id, row.id));
    return 0;
  }
  const message = job.failedReason || 'the job failed without a recorded reason';
  // Only if still pending: the processor may have recorded this failure since we looked.
  const claimed = await db
    .update(inboxEvents)
    .set({ status: 'failed', lastError: message, processedAt: new Date() })
    .where(and(eq(inboxEvents.id, row.id), eq(inboxEvents.status, 'pending')))
    .returning({ id: inboxEvents.id });
  if (claimed.length === 0) return 0;
  await recordJobFailure(db, {
    workspaceId: row.workspaceId,
    queue: queue.name,
    jobName: job.name,
    jobId: job.id ?? '',
    inboxEventId: row.id,
    eventId: row.externalId,
    eventType: row.type,
    attempts: job.attemptsMade,
    errors: [{ attempt: job.attemptsMade, at: new Date().toISOString(), message }],
    payload: job.data,
  });
  return 0;
}
