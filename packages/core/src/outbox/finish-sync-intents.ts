import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

const ids = (list: number[]) =>
  sql`(${sql.join(
    list.map((id) => sql`${id}`),
    sql`, `,
  )})`;

/** The intents' records are in HubSpot. */
export async function completeSyncIntents(db: DbOrTx, intentIds: number[]): Promise<void> {
  if (intentIds.length === 0) return;
  await db.execute(sql`
    update sync_outbox set status = 'done', processed_at = now(), available_at = now(), last_error = null
     where id in ${ids(intentIds)} and status = 'processing'`);
}

/**
 * Failed for good (HubSpot refused the record); an operator replays by setting it back to pending.
 * `available_at` leaves the claim's lease so a replayed intent is due at once.
 */
export async function failSyncIntent(db: DbOrTx, intentId: number, error: string): Promise<void> {
  await db.execute(sql`
    update sync_outbox set status = 'failed', processed_at = now(), available_at = now(), last_error = ${error}
     where id = ${intentId} and status = 'processing'`);
}

/**
 * Gives claimed intents back, available again after `delayMs` (or at `until`). `refundAttempt`
 * undoes the claim's attempt: the batch never reached HubSpot through no fault of its records (the
 * portal is paused, the connection is broken). An intent whose record got a newer pending intent
 * meanwhile is closed instead: the newer one carries the change, and two pending intents for one
 * record would break the one-pending rule.
 */
export async function releaseSyncIntents(
  db: DbOrTx,
  intentIds: number[],
  opts: { delayMs?: number; until?: Date; error?: string | null; refundAttempt?: boolean },
): Promise<void> {
  if (intentIds.length === 0) return;
  const availableAt = opts.until
    ? sql`${opts.until.toISOString()}::timestamptz`
    : sql`now() + ${opts.delayMs ?? 0} * interval '1 millisecond'`;
  await db.execute(sql`
    update sync_outbox s
       set status = case when newer.id is null then 'pending' else 'done' end,
           available_at = ${availableAt},
           attempts = greatest(0, s.attempts - ${opts.refundAttempt ? 1 : 0}),
           processed_at = case when newer.id is null then null else now() end,
           last_error = ${opts.error ?? null}
      from sync_outbox o
      left join sync_outbox newer
        on newer.status = 'pending' and newer.workspace_id = o.workspace_id and newer.target = o.target
       and newer.object_kind = o.object_kind and newer.object_id = o.object_id
     where s.id = o.id and o.id in ${ids(intentIds)} and o.status = 'processing'`);
}

/**
 * Pushes a workspace's pending intents of one kind back to `until` (never earlier), so the poller
 * does not start a job per poll for a portal that cannot be called before then.
 */
export async function deferPendingSyncIntents(
  db: DbOrTx,
  opts: { workspaceId: string; kind: string; until: Date },
): Promise<void> {
  await db.execute(sql`
    update sync_outbox set available_at = ${opts.until.toISOString()}::timestamptz
     where workspace_id = ${opts.workspaceId} and target = 'hubspot' and object_kind = ${opts.kind}
       and status = 'pending' and available_at < ${opts.until.toISOString()}::timestamptz`);
}

/** Claims whose lease ran out (the worker died or hung) go back to pending. Returns how many. */
export async function releaseExpiredClaims(db: DbOrTx): Promise<number> {
  const res = await db.execute<{ id: string }>(sql`
    select id from sync_outbox where status = 'processing' and available_at < now() limit 1000`);
  const expired = res.rows.map((r) => Number(r.id));
  await releaseSyncIntents(db, expired, { delayMs: 0, error: 'claim expired' });
  return expired.length;
}
