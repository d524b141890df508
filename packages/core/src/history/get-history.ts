import { and, arrayOverlaps, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { activityLog, inboxEvents, jobFailures } from '../db/schema/index';
import type { HistoryEntry } from './history-entry';

type InboxRow = typeof inboxEvents.$inferSelect;
type FailureRow = typeof jobFailures.$inferSelect;

/**
 * The timeline of everything about `subjects`, newest first: activity-log entries (GIN-indexed),
 * plus inbox events whose payload mentions a searched Stripe id or email and the final failures
 * of those events, for rows that have no activity entry of their own (recorded before the
 * processor logged activity). A failure named by a `job.failed` entry is folded into it as
 * `detail.failure` with its current status instead of appearing twice.
 */
export async function getHistory(options: {
  db: DbOrTx;
  workspaceId: string;
  subjects: string[];
  /** Most entries returned; 1–500, default 100. */
  limit?: number;
}): Promise<HistoryEntry[]> {
  const { db, workspaceId, subjects } = options;
  const limit = options.limit ?? 100;
  if (subjects.length === 0) return [];
  const activity = await db
    .select()
    .from(activityLog)
    .where(
      and(
        or(eq(activityLog.workspaceId, workspaceId), isNull(activityLog.workspaceId)),
        arrayOverlaps(activityLog.subjects, subjects),
      ),
    )
    .orderBy(desc(activityLog.at), desc(activityLog.id))
    .limit(limit);
  const inbox = await inboxRowsMentioning(db, workspaceId, subjects, limit);

  const detailOf = (e: { detail: Record<string, unknown> | null }) => e.detail ?? {};
  const loggedEvents = new Set(
    activity.filter((a) => a.kind === 'stripe.event.received').map((a) => detailOf(a).event_id),
  );
  const failureIds = new Set<number>();
  for (const a of activity) {
    if (typeof detailOf(a).failure_id === 'number') failureIds.add(detailOf(a).failure_id as number);
    for (const s of a.subjects) if (s.startsWith('failure:')) failureIds.add(Number(s.slice(8)));
  }
  const failures = await db
    .select()
    .from(jobFailures)
    .where(
      or(
        failureIds.size > 0 ? inArray(jobFailures.id, [...failureIds]) : undefined,
        inbox.length > 0
          ? inArray(
              jobFailures.inboxEventId,
              inbox.map((r) => r.id),
            )
          : sql`false`,
      ),
    )
    .limit(limit);
  const failureById = new Map(failures.map((f) => [f.id, f]));
  const folded = new Set<number>();

  const entries: HistoryEntry[] = activity.map((a) => {
    const detail = { ...detailOf(a) };
    const failure = a.kind === 'job.failed' ? failureById.get(detail.failure_id as number) : undefined;
    if (failure) {
      folded.add(failure.id);
      detail.failure = { id: failure.id, status: failure.status };
    }
    return {
      at: a.at,
      kind: a.kind,
      outcome: a.outcome,
      message: a.message,
      error: a.outcome === 'error' ? a.message : null,
      subjects: a.subjects,
      source: 'activity',
      detail,
      actor: a.actor,
    };
  });
  for (const row of inbox) if (!loggedEvents.has(row.externalId)) entries.push(fromInbox(row));
  for (const f of failures) if (!folded.has(f.id)) entries.push(fromFailure(f));
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}

/**
 * A text match on the payload: an unindexed scan of the workspace's inbox, bounded by `limit`.
 * Only needed for events stored before their activity entries existed.
 */
async function inboxRowsMentioning(
  db: DbOrTx,
  workspaceId: string,
  subjects: string[],
  limit: number,
): Promise<InboxRow[]> {
  const needles = subjects
    .filter((s) => s.startsWith('stripe:') || s.startsWith('email:'))
    .map((s) => `%"${escapeLike(s.slice(s.indexOf(':') + 1))}"%`);
  if (needles.length === 0) return [];
  return db
    .select()
    .from(inboxEvents)
    .where(
      and(
        eq(inboxEvents.workspaceId, workspaceId),
        or(...needles.map((n) => sql`${inboxEvents.payload}::text ilike ${n}`)),
      ),
    )
    .orderBy(desc(inboxEvents.receivedAt))
    .limit(limit);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function fromInbox(row: InboxRow): HistoryEntry {
  const outcome = row.status === 'failed' ? 'error' : row.status === 'ignored' ? 'skipped' : 'ok';
  return {
    at: row.receivedAt,
    kind: `${row.provider}.event.received`,
    outcome,
    message: `${row.type} (${row.status})`,
    error: row.lastError,
    subjects: [`${row.provider}:${row.externalId}`],
    source: 'inbox',
    actor: null,
    detail: { inbox_event_id: row.id, event_id: row.externalId, event_type: row.type, status: row.status },
  };
}

function fromFailure(f: FailureRow): HistoryEntry {
  return {
    at: f.createdAt,
    kind: 'job.failed',
    outcome: 'error',
    message: f.lastError,
    error: f.lastError,
    subjects: [`failure:${f.id}`],
    source: 'failure',
    actor: null,
    detail: {
      failure: { id: f.id, status: f.status },
      queue: f.queue,
      job_id: f.jobId,
      attempts: f.attempts,
      event_id: f.eventId,
      event_type: f.eventType,
    },
  };
}
