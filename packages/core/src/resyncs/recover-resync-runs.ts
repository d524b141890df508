import type { Queue } from 'bullmq';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { resyncRuns } from '../db/schema/index';
import { runResyncJob } from '../queues/jobs/run-resync';
import { enqueueResyncRun } from './enqueue-resync-run';

/**
 * Re-enqueues every queued or running run whose job is gone (Redis lost it, the enqueue after the
 * insert failed) or ended without finishing the run (stalled too often). A job still waiting or
 * active is left alone: if its worker died, BullMQ's stalled check hands it to a live one.
 * Returns the ids re-enqueued.
 */
export async function recoverResyncRuns(
  db: Db,
  queue: Queue,
  retry: { attempts: number; backoffMs: number },
): Promise<string[]> {
  const active = await db
    .select({ id: resyncRuns.id })
    .from(resyncRuns)
    .where(inArray(resyncRuns.status, ['queued', 'running']));
  const recovered: string[] = [];
  for (const { id } of active) {
    const job = await queue.getJob(runResyncJob.jobId(id));
    const state = job ? await job.getState() : 'unknown';
    if (state !== 'unknown' && state !== 'completed' && state !== 'failed') continue;
    // A finished job keeps its id until removed; BullMQ would ignore the add otherwise.
    if (job) await job.remove();
    await enqueueResyncRun(queue, id, retry);
    recovered.push(id);
  }
  return recovered;
}
