import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

/**
 * How long an answer is kept for its key: Stripe keeps its keys for at least 24 hours; a week also
 * covers a HubSpot workflow retrying across a weekend. Past it, a retry still finds the same order
 * and licenses (their keys derive from the idempotency key), answered as new.
 */
export const IDEMPOTENCY_KEY_TTL_MS = 7 * 86_400_000;

/** Deletes stored answers older than `olderThanMs`, `batchSize` rows per statement. Returns how many. */
export async function purgeIdempotencyKeys(
  db: DbOrTx,
  opts: { olderThanMs: number; batchSize: number; maxBatches: number },
): Promise<number> {
  let purged = 0;
  for (let batch = 0; batch < opts.maxBatches; batch++) {
    const res = await db.execute(sql`
      delete from idempotency_keys where (workspace_id, key) in (
        select workspace_id, key from idempotency_keys
         where created_at < now() - ${opts.olderThanMs} * interval '1 millisecond'
         limit ${opts.batchSize})`);
    const n = res.rowCount ?? 0;
    purged += n;
    if (n < opts.batchSize) break;
  }
  return purged;
}
