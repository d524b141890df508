import {
  type Db,
  type ResolvedScope,
  type ResyncProgressState,
  type ResyncRun,
  saveResyncProgress,
} from '@licensync/core';
import type { HandlerContext } from '../jobs/handler-context';
import { type ReconcileCounts, reconcileCountingChanges } from './reconcile-counting-changes';
import type { ResyncDeps } from './resync-deps';
import { stripeSubscriptionPages } from './stripe-subscription-pages';
import { withAttempts } from './with-attempts';
import { yieldToLiveTraffic } from './yield-to-live-traffic';

/** `checkpoint` of a stripe-reconcile: the last subscription whose result is committed. */
interface Checkpoint {
  startingAfter: string | null;
}

type Report = ReconcileCounts & { subscriptions: number };

/**
 * Stripe → ledger. Pages through the scope's subscriptions and runs each through the same
 * reconcile live events use, committing the licenses it changed, the counts and the checkpoint in
 * one transaction per subscription: a worker killed anywhere resumes after the last committed
 * subscription and no change is counted twice. A subscription that keeps failing becomes a failed
 * slice and the run goes on; a list page that keeps failing stops the run (there is no cursor past
 * it).
 */
export async function runStripeReconcile(
  run: ResyncRun,
  scope: ResolvedScope,
  deps: ResyncDeps,
): Promise<void> {
  const { db, config } = deps;
  const retry = { attempts: config.RESYNC_SLICE_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS };
  const nextPage = await stripeSubscriptionPages({
    db,
    stripe: deps.stripe,
    workspaceId: run.workspaceId,
    scope,
    pageSize: config.RESYNC_PAGE_SIZE,
  });
  let state: ResyncProgressState = {
    done: run.done,
    total: run.total,
    failedSlices: run.failedSlices,
    checkpoint: run.checkpoint ?? { startingAfter: null },
    report: { subscriptions: 0, created: 0, enabled: 0, disabled: 0, extended: 0, ...run.report },
  };
  const commit = async (tx: Db, next: ResyncProgressState) => {
    await saveResyncProgress(tx, run.id, next);
    return next;
  };

  for (;;) {
    const cursor = (state.checkpoint as unknown as Checkpoint).startingAfter;
    await yieldToLiveTraffic(deps.queues.inbox);
    await deps.pacer.wait();
    const page = await withAttempts(retry, () => nextPage(cursor));
    if (!page.ok) {
      const slice = `subscriptions after ${cursor ?? 'start'}`;
      state = await commit(db, {
        ...state,
        failedSlices: [...state.failedSlices, { slice, error: page.error }],
      });
      return;
    }
    // Only the last page says how many there are; until then the total stays unknown.
    if (!page.value.hasMore)
      state = await commit(db, { ...state, total: state.done + page.value.ids.length });

    for (const subscriptionId of page.value.ids) {
      await yieldToLiveTraffic(deps.queues.inbox);
      await deps.pacer.wait();
      const base = { ...state, done: state.done + 1, checkpoint: { startingAfter: subscriptionId } };
      const outcome = await withAttempts(retry, () =>
        db.transaction(async (tx) => {
          // The reconcile's own transactions become savepoints of this one.
          const counts = await reconcileCountingChanges(
            handlerContext(deps, run, tx as unknown as Db),
            subscriptionId,
          );
          return commit(tx as unknown as Db, {
            ...base,
            report: addCounts(state.report as unknown as Report, counts),
          });
        }),
      );
      state = outcome.ok
        ? outcome.value
        : await commit(db, {
            ...base,
            failedSlices: [
              ...state.failedSlices,
              { slice: `subscription:${subscriptionId}`, error: outcome.error },
            ],
          });
      deps.logger.debug({ runId: run.id, subscriptionId, done: state.done }, 'resync subscription done');
    }
    if (!page.value.hasMore) return;
  }
}

function handlerContext(deps: ResyncDeps, run: ResyncRun, db: Db): HandlerContext {
  const { stripe, logger, config } = deps;
  // No inbox event started this: the id is only read by handlers, which a resync does not call.
  return { db, stripe, logger, config, workspaceId: run.workspaceId, inboxEventId: 0 };
}

function addCounts(report: Report, counts: ReconcileCounts): Record<string, number> {
  return {
    subscriptions: report.subscriptions + 1,
    created: report.created + counts.created,
    enabled: report.enabled + counts.enabled,
    disabled: report.disabled + counts.disabled,
    extended: report.extended + counts.extended,
  };
}
