import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { deleteInBatches } from '../db/delete-in-batches';

/**
 * Deletes events handed to the delivery queue more than `olderThanMs` ago, with their delivery log
 * (cascade), in bounded batches like the outbox purge. Pending events always stay. Returns how many went.
 */
export async function purgeOutboundEvents(
  db: DbOrTx,
  opts: { olderThanMs: number; batchSize: number; maxBatches: number },
): Promise<number> {
  return deleteInBatches(
    db,
    sql`outbound_events`,
    sql`select id from outbound_events
         where status = 'dispatched' and created_at < now() - ${opts.olderThanMs} * interval '1 millisecond'`,
    opts,
  );
}
