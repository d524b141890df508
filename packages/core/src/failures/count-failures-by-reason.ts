import { count, desc, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { jobFailures } from '../db/schema/index';
import { failureConditions } from './failure-filter';

export interface FailureReasonCount {
  /** The last error, cut at its first line: the same cause on other records reads the same. */
  reason: string;
  count: number;
  lastAt: Date;
}

/** Final failures recorded since `since` (any status), grouped by reason, most frequent first. */
export async function countFailuresByReason(options: {
  db: DbOrTx;
  workspaceId: string;
  since: Date;
  /** Default 10. */
  limit?: number;
}): Promise<FailureReasonCount[]> {
  const reason = sql<string>`split_part(${jobFailures.lastError}, E'\n', 1)`;
  const rows = await options.db
    .select({ reason, count: count(), lastAt: max(jobFailures.createdAt) })
    .from(jobFailures)
    .where(failureConditions(options.workspaceId, { status: 'any', since: options.since }))
    .groupBy(reason)
    .orderBy(desc(count()), desc(max(jobFailures.createdAt)))
    .limit(options.limit ?? 10);
  return rows.map((r) => ({ reason: r.reason, count: r.count, lastAt: r.lastAt ?? options.since }));
}
