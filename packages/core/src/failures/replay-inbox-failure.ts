import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { inboxEvents, jobFailures } from '../db/schema/index';
import { recordActivity } from '../history/record-activity';
import { inboxEventSubjects, recordEventActivity } from '../history/record-event-activity';
import type { InboxRow } from '../inbox/record-inbox-event';
import { failureSubject } from './get-failure';
import type { FailureRow } from './list-failures';

/**
 * Reopens the inbox event of a failure: back to `pending` with the next round, which gives the
 * job a new id (`inbox-<id>-<round>`) even while BullMQ still holds the failed one. Guarded on
 * `status = failed`, so an event that since succeeded (the failure is then marked resolved) or is
 * already in flight is left alone and `undefined` is returned. Call inside a transaction and
 * enqueue the returned row after commit.
 */
export async function replayInboxFailure(options: {
  tx: DbOrTx;
  failure: FailureRow;
  actor: string;
}): Promise<InboxRow | undefined> {
  const { tx, failure, actor } = options;
  if (failure.inboxEventId === null) return undefined;
  const [row] = await tx
    .update(inboxEvents)
    .set({ status: 'pending', round: sql`${inboxEvents.round} + 1`, enqueuedAt: null, lastError: null })
    .where(and(eq(inboxEvents.id, failure.inboxEventId), eq(inboxEvents.status, 'failed')))
    .returning();
  if (!row) {
    const [current] = await tx.select().from(inboxEvents).where(eq(inboxEvents.id, failure.inboxEventId));
    const done = current?.status === 'processed' || current?.status === 'ignored';
    if (done) await setStatus(tx, failure.id, 'resolved');
    await recordActivity(tx, {
      workspaceId: failure.workspaceId,
      kind: 'failure.replayed',
      subjects: [failureSubject(failure.id), ...(current ? inboxEventSubjects(current) : [])],
      outcome: 'skipped',
      message: done ? `event already ${current?.status}` : `event is ${current?.status ?? 'gone'}`,
      detail: { failure_id: failure.id, actor },
    });
    return undefined;
  }
  // Every open failure of this event is covered by the one replay.
  await tx
    .update(jobFailures)
    .set({ status: 'replayed', updatedAt: new Date() })
    .where(and(eq(jobFailures.inboxEventId, row.id), eq(jobFailures.status, 'failed')));
  await recordEventActivity({
    db: tx,
    row,
    kind: 'failure.replayed',
    outcome: 'ok',
    message: `replayed by ${actor} as round ${row.round}`,
    detail: { failure_id: failure.id, actor },
    extraSubjects: [failureSubject(failure.id)],
  });
  return row;
}

async function setStatus(tx: DbOrTx, id: number, status: FailureRow['status']): Promise<void> {
  await tx.update(jobFailures).set({ status, updatedAt: new Date() }).where(eq(jobFailures.id, id));
}
