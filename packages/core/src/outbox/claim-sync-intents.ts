import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { SyncObjectKind } from '../db/schema/index';
import { noteClaimed } from './renew-claims-while';

export interface ClaimedIntent {
  id: number;
  objectId: string;
  attempts: number;
}

/**
 * Moves up to `limit` pending intents of one workspace and kind to `processing` and returns them.
 * SKIP LOCKED lets workers claim side by side without waiting on each other. While an intent is
 * processing, a new change to its record inserts a fresh pending intent (the one-pending index
 * allows it), so a change committed mid-sync is synced again instead of lost. Live intents go
 * before bulk ones (`priority`), oldest first within each. `available_at` becomes the lease: a
 * claim whose worker died is released once it passes; `renewClaimsWhile` keeps a live one going.
 */
export async function claimSyncIntents(
  db: Db,
  opts: { workspaceId: string; kind: SyncObjectKind; limit: number; leaseMs: number },
): Promise<ClaimedIntent[]> {
  const res = await db.execute<{ id: string; object_id: string; attempts: number }>(sql`
    update sync_outbox set status = 'processing', attempts = attempts + 1,
           available_at = now() + ${opts.leaseMs} * interval '1 millisecond'
     where id in (
       select id from sync_outbox
        where workspace_id = ${opts.workspaceId} and target = 'hubspot' and object_kind = ${opts.kind}
          and status = 'pending' and available_at <= now()
        order by priority, id
        limit ${opts.limit}
        for update skip locked)
    returning id, object_id, attempts`);
  const claimed = res.rows
    .map((r) => ({ id: Number(r.id), objectId: r.object_id, attempts: r.attempts }))
    .sort((a, b) => a.id - b.id);
  noteClaimed(claimed);
  return claimed;
}
