import { and, arrayContains, asc, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { activityLog, inboxEvents, jobFailures } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { failureConditions } from './failure-filter';
import type { FailureRow } from './list-failures';

export interface FailureDetails {
  failure: FailureRow;
  /** The stored provider event, for failures of inbox jobs. */
  inboxEvent: typeof inboxEvents.$inferSelect | null;
  /** Replays and discards of this failure, oldest first (a discard's reason is kept here). */
  actions: (typeof activityLog.$inferSelect)[];
}

/** One failure with what an operator needs to judge it; `NotFoundError` when there is none. */
export async function getFailure(options: {
  db: DbOrTx;
  workspaceId: string;
  failureId: number;
}): Promise<FailureDetails> {
  const { db, workspaceId, failureId } = options;
  const [failure] = await db
    .select()
    .from(jobFailures)
    .where(and(failureConditions(workspaceId, { status: 'any' }), eq(jobFailures.id, failureId)));
  if (!failure) throw new NotFoundError(`failure ${failureId} not found`);
  const [inboxEvent] =
    failure.inboxEventId === null
      ? []
      : await db.select().from(inboxEvents).where(eq(inboxEvents.id, failure.inboxEventId));
  const actions = await db
    .select()
    .from(activityLog)
    .where(
      and(
        arrayContains(activityLog.subjects, [failureSubject(failureId)]),
        like(activityLog.kind, 'failure.%'),
      ),
    )
    .orderBy(asc(activityLog.at), asc(activityLog.id));
  return { failure, inboxEvent: inboxEvent ?? null, actions };
}

/** The history subject of a failure. */
export const failureSubject = (id: number) => `failure:${id}`;
