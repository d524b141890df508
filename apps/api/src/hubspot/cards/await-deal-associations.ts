import { setTimeout as sleep } from 'node:timers/promises';
import type { DealAssociations, DealAssociationsCache } from '@licensync/core/deals';
import { readDealAssociationsJob } from '@licensync/core/queues';
import type { Queue } from 'bullmq';

export type DealLookup =
  | { found: true; associations: DealAssociations; stale: boolean }
  | { found: false; retryAfterMs: number };

/** How often the cache is looked at while a queued read is awaited. */
const POLL_MS = 25;

/**
 * A deal's associations for a card, without ever calling HubSpot or waiting on its rate limit: a
 * fresh cached read is answered at once; an outdated one is answered too (stale) while a new read
 * is queued; with none, a read is queued and awaited for at most `waitMs`. While the worker has
 * noted the portal as paused nothing is queued or awaited: the card polls again later.
 */
export async function awaitDealAssociations(options: {
  cache: DealAssociationsCache;
  queue: Queue;
  workspaceId: string;
  dealId: string;
  waitMs: number;
}): Promise<DealLookup> {
  const { cache, workspaceId, dealId } = options;
  const cached = await cache.get(workspaceId, dealId);
  if (cached?.fresh) return { found: true, associations: cached.associations, stale: false };
  const pausedUntil = await cache.pausedUntil(workspaceId);
  if (cached) {
    if (!pausedUntil) await queueRead(options);
    return { found: true, associations: cached.associations, stale: true };
  }
  if (pausedUntil) return { found: false, retryAfterMs: pausedUntil - Date.now() };
  await queueRead(options);
  const deadline = Date.now() + options.waitMs;
  while (Date.now() < deadline) {
    await sleep(Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
    const read = await cache.get(workspaceId, dealId);
    if (read) return { found: true, associations: read.associations, stale: !read.fresh };
    const paused = await cache.pausedUntil(workspaceId);
    if (paused) return { found: false, retryAfterMs: paused - Date.now() };
  }
  return { found: false, retryAfterMs: 1000 };
}

async function queueRead(options: { queue: Queue; workspaceId: string; dealId: string }) {
  const { workspaceId, dealId } = options;
  await options.queue.add(
    readDealAssociationsJob.name,
    { workspaceId, dealId },
    {
      jobId: readDealAssociationsJob.jobId(workspaceId, dealId),
      attempts: readDealAssociationsJob.retry().attempts,
      // Gone once done, so the next miss (after the TTL) can queue the deal again under its id.
      removeOnComplete: true,
      removeOnFail: true,
    },
  );
}
