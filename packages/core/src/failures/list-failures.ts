import { and, desc, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { jobFailures } from '../db/schema/index';
import { type FailureFilter, failureConditions } from './failure-filter';

export type FailureRow = typeof jobFailures.$inferSelect;

/**
 * Final failures matching `filter`, newest first, a page at a time: pass the last id of a page as
 * `startingAfter` for the next. Ids grow with time, so the cursor is the id alone and stays valid
 * when the row it names changes status (a replay under way does not break paging).
 */
export async function listFailures(options: {
  db: DbOrTx;
  workspaceId: string;
  filter: FailureFilter;
  /** 1–100. */
  limit: number;
  startingAfter?: number;
}): Promise<{ data: FailureRow[]; hasMore: boolean }> {
  const { db, workspaceId, filter, limit, startingAfter } = options;
  const rows = await db
    .select()
    .from(jobFailures)
    .where(
      and(
        failureConditions(workspaceId, filter),
        startingAfter === undefined ? undefined : lt(jobFailures.id, startingAfter),
      ),
    )
    .orderBy(desc(jobFailures.id))
    .limit(limit + 1);
  return { data: rows.slice(0, limit), hasMore: rows.length > limit };
}
