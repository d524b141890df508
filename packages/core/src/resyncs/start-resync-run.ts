import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { resyncRuns } from '../db/schema/index';
import type { ResyncRun } from './resync-run';

/**
 * Marks a run `running` (keeping the first start time when a retried or resumed job comes back)
 * and returns it; undefined when it already finished, so a late duplicate job does nothing.
 */
export async function startResyncRun(db: DbOrTx, runId: string): Promise<ResyncRun | undefined> {
  const [run] = await db
    .update(resyncRuns)
    .set({ status: 'running', startedAt: sql`coalesce(${resyncRuns.startedAt}, now())` })
    .where(and(eq(resyncRuns.id, runId), inArray(resyncRuns.status, ['queued', 'running'])))
    .returning();
  return run;
}
