export interface BatcherOptions<I, O> {
  /**
   * Handles one batch; resolves with one result per item, in order. Throwing fails every item of
   * the batch with that error.
   */
  run(items: I[]): Promise<O[]>;
  /** Most items in one batch. */
  maxBatch: number;
  /** Batches running at once; the rest wait and grow. */
  maxInFlight: number;
}

export interface Batcher<I, O> {
  /** Resolves with the item's result once its batch has run. */
  add(item: I): Promise<O>;
  /** Items waiting or in a running batch. */
  readonly pending: number;
  /** Resolves once everything added so far has run. */
  drain(): Promise<void>;
}

interface Waiting<I, O> {
  item: I;
  resolve(out: O): void;
  reject(err: unknown): void;
}

/**
 * Group commit: items added while a batch is running wait and go together in the next one, so
 * under load one database round trip (and one commit) serves many requests, and when idle an item
 * waits only for the current turn of the event loop. Hand-written because the batching libraries
 * (DataLoader and the like) dispatch every tick on its own and cannot hold batches back while
 * others are in flight, which is what lets batches grow with load.
 */
export function createBatcher<I, O>(opts: BatcherOptions<I, O>): Batcher<I, O> {
  let queue: Waiting<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;
  let running = 0;
  let idle: (() => void)[] = [];

  const settleIdle = () => {
    if (queue.length > 0 || running > 0) return;
    const waiters = idle;
    idle = [];
    for (const w of waiters) w();
  };

  const flush = () => {
    scheduled = false;
    while (inFlight < opts.maxInFlight && queue.length > 0) {
      const batch = queue.slice(0, opts.maxBatch);
      queue = queue.slice(batch.length);
      inFlight++;
      void runBatch(batch).finally(() => {
        inFlight--;
        running -= batch.length;
        if (queue.length > 0) flush();
        settleIdle();
      });
    }
  };

  const runBatch = async (batch: Waiting<I, O>[]) => {
    try {
      const results = await opts.run(batch.map((w) => w.item));
      for (const [i, w] of batch.entries()) w.resolve(results[i] as O);
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  };

  return {
    add(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        running++;
        // Wait for the rest of this turn of the event loop: requests parsed together go together.
        if (!scheduled && inFlight < opts.maxInFlight) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    get pending() {
      return running;
    },
    drain() {
      if (running === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
