import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { jobFailures } from '../db/schema/index';
import { recordActivity } from '../history/record-activity';
import { SYNC_PRIORITY } from '../outbox/sync-priority';
import { failureSubject } from './get-failure';
import type { FailureRow } from './list-failures';

interface SyncJobPayload {
  workspaceId?: unknown;
  kind?: unknown;
  /** When the sync job recorded which intents it held, only those are reopened. */
  intentIds?: unknown;
}

/**
 * Reopens the failed outbox intents of a `hubspot-sync` failure (its workspace and object kind, or
 * the intents it names); the sync worker's poller picks pending intents up by itself. An intent
 * whose record already has a newer pending intent stays failed: the newer one carries the change,
 * and the one-pending-per-record index forbids a second. Reopened intents are bulk work: a live
 * change coming meanwhile goes first. Returns how many intents were reopened.
 */
export async function replaySyncFailure(options: {
  tx: DbOrTx;
  failure: FailureRow;
  actor: string;
}): Promise<number> {
  const { tx, failure, actor } = options;
  const payload = (failure.payload ?? {}) as SyncJobPayload;
  const workspaceId = typeof payload.workspaceId === 'string' ? payload.workspaceId : failure.workspaceId;
  const kind = typeof payload.kind === 'string' ? payload.kind : null;
  const intentIds = Array.isArray(payload.intentIds) ? payload.intentIds.filter(Number.isInteger) : null;
  if (!workspaceId || (!kind && !intentIds)) return 0;
  const only = intentIds
    ? sql`and s.id in (${sql.join(
        intentIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`and s.object_kind = ${kind}`;
  const reopened = await tx.execute<{ object_kind: string; object_id: string }>(sql`
    update sync_outbox s
       set status = 'pending', available_at = now(), processed_at = null, last_error = null, attempts = 0,
           priority = ${SYNC_PRIORITY.bulk}
     where s.workspace_id = ${workspaceId} and s.target = 'hubspot' and s.status = 'failed' ${only}
       -- two failed intents of one record: reopen the newest only, to keep one pending per record
       and s.id = (
         select max(f.id) from sync_outbox f
          where f.status = 'failed' and f.workspace_id = s.workspace_id and f.target = s.target
            and f.object_kind = s.object_kind and f.object_id = s.object_id)
       and not exists (
         select 1 from sync_outbox p
          where p.status = 'pending' and p.workspace_id = s.workspace_id and p.target = s.target
            and p.object_kind = s.object_kind and p.object_id = s.object_id)
    returning s.object_kind, s.object_id`);
  const objects = reopened.rows.map((r) => `${r.object_kind}:${r.object_id}`);
  if (objects.length > 0) {
    await tx
      .update(jobFailures)
      .set({ status: 'replayed', updatedAt: new Date() })
      .where(and(eq(jobFailures.id, failure.id), eq(jobFailures.status, 'failed')));
  }
  await recordActivity(tx, {
    workspaceId,
    kind: 'failure.replayed',
    subjects: [failureSubject(failure.id), ...objects],
    outcome: objects.length > 0 ? 'ok' : 'skipped',
    message:
      objects.length > 0
        ? `replayed by ${actor}: ${objects.length} outbox intent(s) pending again`
        : 'no failed outbox intents to reopen',
    detail: { failure_id: failure.id, actor, intents: objects.length },
  });
  return objects.length;
}
