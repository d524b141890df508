import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { deleteInBatches } from '../db/delete-in-batches';

/**
 * Deletes intents that reached HubSpot more than `olderThanMs` ago, in bounded batches. Failed
 * intents stay for operators to replay. Returns how many rows went.
 */
export async function purgeDoneIntents(
  db: DbOrTx,
  opts: { olderThanMs: number; batchSize: number; maxBatches: number },
): Promise<number> {
  return deleteInBatches(
    db,
    sql`sync_outbox`,
    sql`select id from sync_outbox
         where status = 'done' and processed_at < now() - ${opts.olderThanMs} * interval '1 millisecond'`,
    opts,
  );
}
