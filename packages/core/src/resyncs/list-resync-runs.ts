import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { resyncRuns } from '../db/schema/index';
import type { ResyncKind } from '../queues/jobs/run-resync';
import type { ResyncRun } from './resync-run';

/** The workspace's most recent runs, newest first. */
export async function listResyncRuns(input: {
  db: DbOrTx;
  workspaceId: string;
  kind?: ResyncKind | undefined;
  status?: ResyncRun['status'] | undefined;
  /** 1–100. */
  limit: number;
}): Promise<ResyncRun[]> {
  return input.db
    .select()
    .from(resyncRuns)
    .where(
      and(
        eq(resyncRuns.workspaceId, input.workspaceId),
        input.kind ? eq(resyncRuns.kind, input.kind) : undefined,
        input.status ? eq(resyncRuns.status, input.status) : undefined,
      ),
    )
    .orderBy(desc(resyncRuns.createdAt), desc(resyncRuns.id))
    .limit(input.limit);
}
