import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { resyncRuns } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import type { ResyncRun } from './resync-run';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One run of the workspace, or a NotFoundError (also for ids that are not uuids). */
export async function getResyncRun(input: {
  db: DbOrTx;
  workspaceId: string;
  runId: string;
}): Promise<ResyncRun> {
  const { db, workspaceId, runId } = input;
  const [run] = UUID.test(runId)
    ? await db
        .select()
        .from(resyncRuns)
        .where(and(eq(resyncRuns.workspaceId, workspaceId), eq(resyncRuns.id, runId)))
    : [];
  if (!run) throw new NotFoundError(`resync ${runId} not found`);
  return run;
}
