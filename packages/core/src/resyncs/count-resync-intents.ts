import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

export interface ResyncIntentCounts {
  /** Intents tagged with the run. */
  total: number;
  /** Of those, done or failed: HubSpot answered for them. */
  settled: number;
  /** Of those, failed: HubSpot refused the record. */
  failed: number;
}

/** Where a hubspot-resync's intents stand in the outbox. */
export async function countResyncIntents(db: DbOrTx, runId: string): Promise<ResyncIntentCounts> {
  const res = await db.execute<{ total: number; settled: number; failed: number }>(sql`
    select count(*)::int as total,
           (count(*) filter (where status in ('done', 'failed')))::int as settled,
           (count(*) filter (where status = 'failed'))::int as failed
      from sync_outbox where resync_run_id = ${runId}`);
  return res.rows[0] ?? { total: 0, settled: 0, failed: 0 };
}
