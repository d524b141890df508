import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from './client';

/**
 * Deletes the rows of `table` whose ids `selectIds` picks, `batchSize` per statement and at most
 * `maxBatches` statements, so a purge never holds long locks or bloats the WAL. `selectIds` is a
 * `select id from … where …` without a limit: the batch size is appended here.
 * Returns how many rows went.
 */
export async function deleteInBatches(
  db: DbOrTx,
  table: SQL,
  selectIds: SQL,
  opts: { batchSize: number; maxBatches: number },
): Promise<number> {
  let purged = 0;
  for (let batch = 0; batch < opts.maxBatches; batch++) {
    const res = await db.execute(
      sql`delete from ${table} where id in (${selectIds} limit ${opts.batchSize})`,
    );
    const n = res.rowCount ?? 0;
    purged += n;
    if (n < opts.batchSize) break;
  }
  return purged;
}
