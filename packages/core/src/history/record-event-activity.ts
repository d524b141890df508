import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { activityLog, type inboxEvents } from '../db/schema/index';
import { stripeEventSubjects } from './stripe-event-subjects';

type InboxRow = typeof inboxEvents.$inferSelect;

/** The subject naming the event itself; HubSpot's event ids would clash with its object ids. */
export function eventSubject(row: Pick<InboxRow, 'provider' | 'externalId'>): string {
  return row.provider === 'stripe' ? `stripe:${row.externalId}` : `${row.provider}-event:${row.externalId}`;
}

/** The history subjects of a stored provider event. */
export function inboxEventSubjects(row: Pick<InboxRow, 'provider' | 'externalId' | 'payload'>): string[] {
  return row.provider === 'stripe' ? stripeEventSubjects(row.payload) : [eventSubject(row)];
}

/**
 * Appends a history entry about a stored event, with the event's subjects plus `extraSubjects`.
 * `once` skips the insert when an entry of the same kind already names the event (a job restarted
 * after a crash must not log "received" twice).
 */
export async function recordEventActivity(options: {
  db: DbOrTx;
  row: InboxRow;
  kind: string;
  outcome: 'ok' | 'error' | 'skipped';
  message?: string | null;
  detail?: Record<string, unknown>;
  extraSubjects?: string[];
  /** When it happened; defaults to now. */
  at?: Date;
  once?: boolean;
}): Promise<void> {
  const { db, row, kind, outcome } = options;
  const subjects = [...new Set([...inboxEventSubjects(row), ...(options.extraSubjects ?? [])])];
  const detail = {
    inbox_event_id: row.id,
    event_id: row.externalId,
    event_type: row.type,
    round: row.round,
    ...options.detail,
  };
  const at = options.at ?? new Date();
  const message = options.message ?? null;
  if (!options.once) {
    await db
      .insert(activityLog)
      .values({ workspaceId: row.workspaceId, at, kind, subjects, outcome, message, detail });
    return;
  }
  // The search sits in a materialized CTE: planned as a NOT EXISTS subquery, Postgres expects to
  // meet a row early (its default 0.5% estimate for an unseen array element) and scans the whole
  // table rather than start the GIN index; it then finds none. 274 ms per event at 666k rows.
  await db.execute(sql`
    with seen as materialized (
      select 1 from activity_log
       where kind = ${kind} and subjects @> ${toTextArray([eventSubject(row)])})
    insert into activity_log (workspace_id, at, kind, subjects, outcome, message, detail)
    select ${row.workspaceId}, ${at.toISOString()}, ${kind}, ${toTextArray(subjects)}, ${outcome},
           ${message}, ${JSON.stringify(detail)}::jsonb
     where not exists (select 1 from seen)`);
}

export function toTextArray(values: string[]) {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}
