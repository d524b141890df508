import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { FailedSlice } from './resync-run';

/**
 * The records of a hubspot-resync that HubSpot refused, as failed slices
 * (`record:<kind>:<id>` with HubSpot's message), at most `limit` of them, oldest first.
 */
export async function listFailedResyncRecords(
  db: DbOrTx,
  runId: string,
  limit: number,
): Promise<FailedSlice[]> {
  const res = await db.execute<{ object_kind: string; object_id: string; last_error: string | null }>(sql`
    select object_kind, object_id, last_error from sync_outbox
     where resync_run_id = ${runId} and status = 'failed'
     order by id limit ${limit}`);
  return res.rows.map((r) => ({
    slice: `record:${r.object_kind}:${r.object_id}`,
    error: r.last_error ?? 'refused by HubSpot',
  }));
}
