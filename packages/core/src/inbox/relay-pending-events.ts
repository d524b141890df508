import type { Queue } from 'bullmq';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { inboxEvents } from '../db/schema/index';
import { type EnqueueOptions, enqueueInboxEvent } from './enqueue-inbox-event';

// Any constant works; it only has to be the same in every process.
const RELAY_LOCK_KEY = 7_301_001;

/**
 * Re-enqueues inbox rows still pending after `minAgeMs` (Redis was down when they arrived, or the
 * process died between insert and enqueue). One relay at a time across processes, by a Postgres
 * advisory lock held for the transaction. Returns how many rows were handed to the queue.
 */
export async function relayPendingEvents(
  db: Db,
  queue: Queue,
  opts: EnqueueOptions & { minAgeMs: number; batchSize?: number },
): Promise<number> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ locked: boolean }>(
      sql`select pg_try_advisory_xact_lock(${RELAY_LOCK_KEY}) as locked`,
    );
    if (!lock.rows[0]?.locked) return 0;
    const cutoff = new Date(Date.now() - opts.minAgeMs);
    const rows = await tx
      .select()
      .from(inboxEvents)
      .where(and(eq(inboxEvents.status, 'pending'), lt(inboxEvents.receivedAt, cutoff)))
      .orderBy(asc(inboxEvents.id))
      .limit(opts.batchSize ?? 500);
    let relayed = 0;
    for (const row of rows) {
      await enqueueInboxEvent(tx, queue, row, opts);
      relayed++;
    }
    return relayed;
  });
}
