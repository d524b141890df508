import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { resyncRuns } from '../db/schema/index';
import type { FailedSlice } from './resync-run';

/**
 * Ends a run: `failed` whenever a slice failed, so a partial run never passes for a success.
 * `extraSlice` records why a run stopped as a whole (e.g. its job ran out of attempts).
 */
export async function finishResyncRun(db: DbOrTx, runId: string, extraSlice?: FailedSlice): Promise<void> {
  const [run] = await db
    .select({ failedSlices: resyncRuns.failedSlices })
    .from(resyncRuns)
    .where(eq(resyncRuns.id, runId));
  if (!run) return;
  const failedSlices = extraSlice ? [...run.failedSlices, extraSlice] : run.failedSlices;
  await db
    .update(resyncRuns)
    .set({ status: failedSlices.length > 0 ? 'failed' : 'succeeded', failedSlices, finishedAt: new Date() })
    .where(and(eq(resyncRuns.id, runId), inArray(resyncRuns.status, ['queued', 'running'])));
}
