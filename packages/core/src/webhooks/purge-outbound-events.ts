import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

/**
 * Deletes events handed to the delivery queue more than `olderThanMs` ago, with their delivery log
 * (cascade), in bounded batches like the outbox purge. Pending events always stay. Returns how many went.
 */
export async function purgeOutboundEvents(
  db: DbOrTx,
  opts: { olderThanMs: number; batchSize: number; maxBatches: number },
): Promise<number> {
  let purged = 0;
  for (let batch = 0; batch < opts.maxBatches; batch++) {
    const res = await db.execute(sql`
      delete from outbound_events where id in (
        select id from outbound_events
         where status = 'dispatched' and created_at < now() - ${opts.olderThanMs} * interval '1 millisecond'
         limit ${opts.batchSize})`);
    const n = res.rowCount ?? 0;
    purged += n;
    if (n < opts.batchSize) break;
  }
  return purged;
}
