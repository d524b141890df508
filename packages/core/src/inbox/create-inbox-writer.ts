import type { Queue } from 'bullmq';
import type pg from 'pg';
import { createBatcher } from './create-batcher';
import { enqueueInboxBatch } from './enqueue-inbox-batch';
import type { EnqueueOptions } from './enqueue-inbox-event';
import type { InboxRecord, QueuedInboxRow, StoredInboxRecord } from './inbox-record';
import { insertInboxBatch } from './insert-inbox-batch';

export interface InboxWriterOptions {
  pool: pg.Pool;
  queue: Queue;
  enqueue: EnqueueOptions;
  /** Called when a batch could not be queued (the relay will queue it). */
  onEnqueueError?(err: Error, rows: number): void;
  /** Most rows per insert. Default 200. */
  maxBatch?: number;
  /** Inserts running at once; the rest group into the next. Default 2. */
  maxInFlight?: number;
  /** Rows waiting for Redis beyond this are left to the relay, so memory stays bounded. Default 20,000. */
  maxEnqueueBacklog?: number;
}

export interface InboxWriter {
  /** Resolves once the event's row is committed (so it may be acknowledged); queues it afterwards. */
  record(record: InboxRecord): Promise<StoredInboxRecord>;
  /** Resolves once every recorded row was inserted and handed to the queue (or given up on). */
  drain(): Promise<void>;
}

/**
 * The ingress's write path: group commit of inbox rows across concurrent requests (one insert and
 * one commit per batch), then bulk enqueue of the committed rows off the request path. A request
 * waits only for its row's commit: that is the durability promise; the queue is a speed-up the
 * relay backs.
 */
export function createInboxWriter(opts: InboxWriterOptions): InboxWriter {
  const maxBacklog = opts.maxEnqueueBacklog ?? 20_000;
  const inserts = createBatcher<InboxRecord, StoredInboxRecord>({
    run: (records) => insertInboxBatch(opts.pool, records),
    maxBatch: opts.maxBatch ?? 200,
    maxInFlight: opts.maxInFlight ?? 2,
  });
  const enqueues = createBatcher<QueuedInboxRow, void>({
    run: async (rows) => {
      try {
        await enqueueInboxBatch(opts.pool, opts.queue, rows, opts.enqueue);
      } catch (err) {
        opts.onEnqueueError?.(err as Error, rows.length);
      }
      return rows.map(() => undefined);
    },
    maxBatch: 500,
    maxInFlight: 1,
  });
  return {
    async record(record) {
      const stored = await inserts.add(record);
      if (stored.row && enqueues.pending < maxBacklog) void enqueues.add(stored.row);
      return stored;
    },
    async drain() {
      await inserts.drain();
      await enqueues.drain();
    },
  };
}
