import type { Queue } from 'bullmq';

/**
 * Waits while live webhook events wait in the inbox queue, so a bulk run never holds them up
 * (they share Stripe's rate limit and the database). After `maxWaitMs` it goes on for one step
 * anyway: a queue that never empties must not starve the resync for ever. Stops waiting at once
 * when `signal` aborts (the worker is stopping).
 */
export async function yieldToLiveTraffic(
  inbox: Queue,
  options: { maxWaitMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const deadline = Date.now() + (options.maxWaitMs ?? 30_000);
  while (Date.now() < deadline && !options.signal?.aborted) {
    // Redis trouble: carry on; the page's own calls will fail and be retried if it matters.
    const waiting = await inbox.getWaitingCount().catch(() => 0);
    if (waiting === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
