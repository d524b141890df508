import { and, asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { jobFailures } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { type FailureFilter, failureConditions } from './failure-filter';

/** Failures named one by one, or every open failure (`status = failed`) matching a filter. */
export type FailureSelection = { ids: number[] } | { filter: Omit<FailureFilter, 'status'> };

/**
 * The ids a replay or discard acts on, oldest first. Named ids are taken whatever their status
 * (acting on a replayed one is then a counted no-op); an id that names no failure is a
 * `NotFoundError`, so a typo is not mistaken for "nothing to do".
 */
export async function selectFailureIds(options: {
  db: DbOrTx;
  workspaceId: string;
  selection: FailureSelection;
}): Promise<number[]> {
  const { db, workspaceId, selection } = options;
  if ('ids' in selection) {
    const wanted = [...new Set(selection.ids)];
    if (wanted.length === 0) return [];
    const rows = await db
      .select({ id: jobFailures.id })
      .from(jobFailures)
      .where(and(failureConditions(workspaceId, { status: 'any' }), inArray(jobFailures.id, wanted)))
      .orderBy(asc(jobFailures.id));
    const found = new Set(rows.map((r) => r.id));
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length > 0) throw new NotFoundError(`failure ${missing.join(', ')} not found`);
    return rows.map((r) => r.id);
  }
  const rows = await db
    .select({ id: jobFailures.id })
    .from(jobFailures)
    .where(failureConditions(workspaceId, { ...selection.filter, status: 'failed' }))
    .orderBy(asc(jobFailures.id));
  return rows.map((r) => r.id);
}
