import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import { listPendingSyncWork, releaseExpiredClaims } from '@licensync/core/outbox';
import { hubspotSyncJob } from '@licensync/core/queues';
import type { Queue } from 'bullmq';

/** Expired claims are looked for every this many polls. */
const REAP_EVERY = 20;

/**
 * One poll of the outbox: a `hubspot-sync` job per workspace + kind with due intents (the job id
 * makes a second enqueue while one waits or runs a no-op), and now and then the claims of a
 * crashed worker released. A change reaches HubSpot within about one poll interval plus the time
 * its batch takes.
 */
export function createOutboxPoll(deps: { db: Db; config: Config; queue: Queue }) {
  let polls = 0;
  const retry = hubspotSyncJob.retry(deps.config);
  return async function pollOutbox(): Promise<void> {
    if (polls++ % REAP_EVERY === 0) await releaseExpiredClaims(deps.db);
    for (const work of await listPendingSyncWork(deps.db)) {
      await deps.queue.add(hubspotSyncJob.name, work, {
        jobId: hubspotSyncJob.jobId(work.workspaceId, work.kind),
        attempts: retry.attempts,
        backoff: { type: 'exponential', delay: retry.backoffMs, jitter: 0.5 },
        // Removed when finished, so the same job id can be enqueued again for the next change.
        removeOnComplete: true,
        removeOnFail: true,
      });
    }
  };
}
