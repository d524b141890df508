import { and, eq, gte, ilike, isNull, lte, or, type SQL } from 'drizzle-orm';
import { jobFailures } from '../db/schema/index';

export type FailureStatus = (typeof jobFailures.$inferSelect)['status'];

/** Which final failures an operator means; every field narrows, none widens. */
export interface FailureFilter {
  queue?: string;
  eventType?: string;
  /** Case-insensitive substring of the first or the last error. */
  error?: string;
  /** Recorded at or after. */
  since?: Date;
  /** Recorded at or before. */
  until?: Date;
  /** Default `failed`; `any` lists every status. */
  status?: FailureStatus | 'any';
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filter as SQL over `job_failures`, scoped to the workspace (and to failures of no workspace). */
export function failureConditions(workspaceId: string, filter: FailureFilter): SQL | undefined {
  const status = filter.status ?? 'failed';
  const contains = filter.error === undefined ? undefined : `%${escapeLike(filter.error)}%`;
  return and(
    or(eq(jobFailures.workspaceId, workspaceId), isNull(jobFailures.workspaceId)),
    status === 'any' ? undefined : eq(jobFailures.status, status),
    filter.queue === undefined ? undefined : eq(jobFailures.queue, filter.queue),
    filter.eventType === undefined ? undefined : eq(jobFailures.eventType, filter.eventType),
    contains === undefined
      ? undefined
      : or(ilike(jobFailures.firstError, contains), ilike(jobFailures.lastError, contains)),
    filter.since === undefined ? undefined : gte(jobFailures.createdAt, filter.since),
    filter.until === undefined ? undefined : lte(jobFailures.createdAt, filter.until),
  );
}
