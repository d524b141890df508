import type { Queue } from 'bullmq';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { resyncRuns } from '../db/schema/index';
import type { ResyncKind } from '../queues/jobs/run-resync';
import { enqueueResyncRun } from './enqueue-resync-run';
import { resolveResyncScope } from './resolve-resync-scope';
import { ResyncConflictError } from './resync-conflict-error';
import type { ResyncRun } from './resync-run';

/**
 * Creates a queued run and its job. The partial unique index `resync_runs_one_active` is what
 * keeps a second run of the same kind and scope out, also between processes; losing that race
 * throws a ResyncConflictError naming the run that won. If Redis is down the run stays `queued`
 * and the worker's start-up recovery enqueues it.
 */
export async function requestResync(input: {
  db: Db;
  queue: Queue;
  workspaceId: string;
  kind: ResyncKind;
  scope: string;
  requestedBy: string;
  retry: { attempts: number; backoffMs: number };
}): Promise<ResyncRun> {
  const { db, workspaceId, kind } = input;
  const resolved = await resolveResyncScope(db, workspaceId, input.scope);
  // One spelling per customer, so a Stripe id and ours name the same active run.
  const scope = resolved.type === 'customer' ? `customer:${resolved.customerId}` : input.scope;
  // Without a target, DO NOTHING also covers the partial index.
  const [run] = await db
    .insert(resyncRuns)
    .values({ workspaceId, kind, scope, requestedBy: input.requestedBy })
    .onConflictDoNothing()
    .returning();
  if (!run) {
    const [active] = await db
      .select({ id: resyncRuns.id })
      .from(resyncRuns)
      .where(
        and(
          eq(resyncRuns.workspaceId, workspaceId),
          eq(resyncRuns.kind, kind),
          eq(resyncRuns.scope, scope),
          inArray(resyncRuns.status, ['queued', 'running']),
        ),
      );
    // The active run finished between our insert and this read: the caller may simply ask again.
    throw new ResyncConflictError(active?.id ?? 'unknown');
  }
  try {
    await enqueueResyncRun(input.queue, run.id, input.retry);
  } catch {
    // Left queued on purpose; see above.
  }
  return run;
}
