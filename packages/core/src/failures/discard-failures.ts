import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { inboxEvents, jobFailures } from '../db/schema/index';
import { recordActivity } from '../history/record-activity';
import { inboxEventSubjects } from '../history/record-event-activity';
import { failureSubject } from './get-failure';
import { type FailureSelection, selectFailureIds } from './select-failure-ids';

/**
 * Archives open failures an operator decided not to replay (`status = discarded`). The reason is
 * kept in the activity log under `failure:<id>` (job_failures has no column for it) and shown with
 * the failure. Only open failures change; the rest count as skipped.
 */
export async function discardFailures(options: {
  db: Db;
  workspaceId: string;
  selection: FailureSelection;
  reason: string;
  actor: string;
}): Promise<{ matched: number; discarded: number; skipped: number }> {
  const { db, workspaceId, reason, actor } = options;
  const ids = await selectFailureIds({ db, workspaceId, selection: options.selection });
  let discarded = 0;
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    discarded += await db.transaction(async (tx) => {
      const rows = await tx
        .update(jobFailures)
        .set({ status: 'discarded', updatedAt: new Date() })
        .where(and(inArray(jobFailures.id, chunk), eq(jobFailures.status, 'failed')))
        .returning();
      const eventIds = rows.map((r) => r.inboxEventId).filter((id): id is number => id !== null);
      const events =
        eventIds.length === 0
          ? []
          : await tx.select().from(inboxEvents).where(inArray(inboxEvents.id, eventIds));
      for (const row of rows) {
        const event = events.find((e) => e.id === row.inboxEventId);
        await recordActivity(tx, {
          workspaceId: row.workspaceId,
          kind: 'failure.discarded',
          subjects: [failureSubject(row.id), ...(event ? inboxEventSubjects(event) : [])],
          outcome: 'ok',
          message: `discarded by ${actor}: ${reason}`,
          detail: { failure_id: row.id, actor, reason },
        });
      }
      return rows.length;
    });
  }
  return { matched: ids.length, discarded, skipped: ids.length - discarded };
}
