import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { SyncObjectKind } from '../db/schema/index';

/**
 * Which workspace + kind pairs have intents due now, one sync job each. Only workspaces with an
 * active connection whose toggle for the kind is not off (`sync_toggles` keys are plural:
 * `licenses`, `customers`, …); the rest stay pending until the connection or toggle comes back.
 */
export async function listPendingSyncWork(
  db: Db,
): Promise<Array<{ workspaceId: string; kind: SyncObjectKind }>> {
  const res = await db.execute<{ workspace_id: string; object_kind: SyncObjectKind }>(sql`
    select distinct o.workspace_id, o.object_kind
      from sync_outbox o
      join hubspot_connections c on c.workspace_id = o.workspace_id and c.enabled and c.status = 'active'
     where o.status = 'pending' and o.target = 'hubspot' and o.available_at <= now()
       and coalesce((c.sync_toggles ->> (o.object_kind || 's'))::boolean, true)`);
  return res.rows.map((r) => ({ workspaceId: r.workspace_id, kind: r.object_kind }));
}
