import type { Queue } from 'bullmq';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { inboxEvents, jobFailures } from '../db/schema/index';
import { recordActivity } from '../history/record-activity';
import { inboxEventSubjects } from '../history/record-event-activity';
import type { InboxRow } from '../inbox/record-inbox-event';
import { retryingJobOptions } from '../queues/job-options';
import { type ProcessInboxEventPayload, processInboxEventJob } from '../queues/jobs/process-inbox-event';
import { QUEUES } from '../queues/names';
import { failureSubject } from './get-failure';
import type { FailureRow } from './list-failures';
import { replayInboxFailure } from './replay-inbox-failure';
import { REPLAY_PRIORITY, type ReplayPacing } from './replay-pacing';
import { replaySyncFailure } from './replay-sync-failure';
import { type FailureSelection, selectFailureIds } from './select-failure-ids';

export interface ReplayResult {
  matched: number;
  /** Handed back to their queue (or, for HubSpot sync, their outbox intents reopened). */
  requeued: number;
  /** Already replayed, discarded, succeeded since, or in flight: nothing done. */
  skipped: number;
  /** Dry runs only: how many a real run would requeue now. */
  wouldRequeue?: number;
}

/**
 * Replays final failures once their cause is fixed. Inbox failures reopen their event and enqueue
 * it under the next round's job id; `hubspot-sync` failures reopen their outbox intents. Each
 * failure is decided in its own transaction and guarded on its state, so concurrent replays, a
 * provider's redelivery and a repeated call never run an event twice: the loser counts as skipped.
 * Jobs go to the queue in chunks, after commit, with a priority that yields to live traffic.
 * If Redis refuses, the reopened rows stay pending and the relay enqueues them later.
 */
export async function replayFailures(
  options: {
    db: Db;
    inboxQueue: Queue;
    workspaceId: string;
    selection: FailureSelection;
    dryRun: boolean;
    /** Who asked: shown in the history (`api`, `cli`, a token's label). */
    actor: string;
    jobOptions: { attempts: number; backoffMs: number };
  } & ReplayPacing,
): Promise<ReplayResult> {
  const { db, inboxQueue, workspaceId, actor } = options;
  const chunkSize = options.chunkSize ?? 100;
  const pauseMs = options.pauseMs ?? 200;
  const ids = await selectFailureIds({ db, workspaceId, selection: options.selection });
  if (options.dryRun) {
    return { matched: ids.length, requeued: 0, skipped: 0, wouldRequeue: await countReplayable(db, ids) };
  }
  const result: ReplayResult = { matched: ids.length, requeued: 0, skipped: 0 };
  for (let start = 0; start < ids.length; start += chunkSize) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const reopened: InboxRow[] = [];
    for (const id of ids.slice(start, start + chunkSize)) {
      const outcome = await db.transaction(async (tx) => {
        const [failure] = await tx.select().from(jobFailures).where(eq(jobFailures.id, id)).for('update');
        if (!failure) return 'skipped';
        if (failure.status !== 'failed') {
          await recordActivity(tx, {
            workspaceId: failure.workspaceId,
            kind: 'failure.replayed',
            subjects: [failureSubject(failure.id), ...(await eventSubjectsOf(tx, failure))],
            outcome: 'skipped',
            message: `failure is already ${failure.status}`,
            detail: { failure_id: failure.id, actor },
          });
          return 'skipped';
        }
        if (failure.queue === QUEUES.hubspotSync) {
          return (await replaySyncFailure({ tx, failure, actor })) > 0 ? 'requeued' : 'skipped';
        }
        const row = await replayInboxFailure({ tx, failure, actor });
        if (!row) return 'skipped';
        reopened.push(row);
        return 'requeued';
      });
      result[outcome]++;
    }
    await enqueueReplays(db, inboxQueue, reopened, options.jobOptions);
  }
  return result;
}

async function enqueueReplays(
  db: Db,
  queue: Queue,
  rows: InboxRow[],
  opts: { attempts: number; backoffMs: number },
): Promise<void> {
  if (rows.length === 0) return;
  const jobs = rows.map((row) => {
    const data: ProcessInboxEventPayload = {
      inboxEventId: row.id,
      workspaceId: row.workspaceId,
      provider: row.provider,
      type: row.type,
    };
    const jobId = processInboxEventJob.jobId(row.id, row.round);
    return {
      name: processInboxEventJob.name,
      data,
      opts: { ...retryingJobOptions(opts), jobId, priority: REPLAY_PRIORITY },
    };
  });
  try {
    await queue.addBulk(jobs);
  } catch {
    return; // The rows are pending in Postgres; the relay hands them to the queue.
  }
  await db
    .update(inboxEvents)
    .set({ enqueuedAt: new Date() })
    .where(
      inArray(
        inboxEvents.id,
        rows.map((r) => r.id),
      ),
    );
}

/** Open failures whose work can be reopened now: the inbox event is still failed, or it is a sync job. */
async function countReplayable(db: Db, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db.execute<{ n: number }>(sql`
    select count(*)::int as n
      from job_failures f left join inbox_events i on i.id = f.inbox_event_id
     where f.id in (${sql.join(
       ids.map((id) => sql`${id}`),
       sql`, `,
     )}) and f.status = 'failed'
       and (f.queue = ${QUEUES.hubspotSync} or i.status = 'failed')`);
  return res.rows[0]?.n ?? 0;
}

async function eventSubjectsOf(tx: DbOrTx, failure: FailureRow): Promise<string[]> {
  if (failure.inboxEventId === null) return [];
  const [event] = await tx.select().from(inboxEvents).where(eq(inboxEvents.id, failure.inboxEventId));
  return event ? inboxEventSubjects(event) : [];
}
