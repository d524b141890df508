import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

/**
 * Deletes intents that reached HubSpot more than `olderThanMs` ago, `batchSize` rows per statement
 * and at most `maxBatches` statements, so one run never holds long locks or bloats the WAL.
 * Failed intents stay for operators to replay. Returns how many rows went.
 */
export async function purgeDoneIntents(
  db: DbOrTx,
  opts: { olderThanMs: number; batchSize: number; maxBatches: number },
): Promise<number> {
  let purged = 0;
  for (let batch = 0; batch < opts.maxBatches; batch++) {
    const res = await db.execute(sql`
      delete from sync_outbox where id in (
        select id from sync_outbox
         where status = 'done' and processed_at < now() - ${opts.olderThanMs} * interval '1 millisecond'
         limit ${opts.batchSize})`);
    const n = res.rowCount ?? 0;
    purged += n;
    if (n < opts.batchSize) break;
  }
  return purged;
}
