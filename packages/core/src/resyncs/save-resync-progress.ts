import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { resyncRuns } from '../db/schema/index';
import type { ResyncRun } from './resync-run';

export type ResyncProgressState = Pick<
  ResyncRun,
  'done' | 'total' | 'checkpoint' | 'report' | 'failedSlices'
>;

/**
 * Writes a running run's progress. Call it in the transaction that did the page's work: the
 * checkpoint then moves exactly when the work is kept, so a resumed run neither skips a page nor
 * counts one twice.
 */
export async function saveResyncProgress(
  db: DbOrTx,
  runId: string,
  state: ResyncProgressState,
): Promise<void> {
  const updated = await db
    .update(resyncRuns)
    .set(state)
    .where(and(eq(resyncRuns.id, runId), eq(resyncRuns.status, 'running')))
    .returning({ id: resyncRuns.id });
  if (updated.length === 0) throw new Error(`resync ${runId} is no longer running`);
}
