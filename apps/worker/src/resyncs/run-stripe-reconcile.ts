import type { DbOrTx } from '@licensync/core/db';
import {
  type ResolvedScope,
  type ResyncProgressState,
  type ResyncRun,
  saveResyncProgress,
} from '@licensync/core/resyncs';
import type { ProvisioningContext } from '../provisioning/provisioning-context';
import { atCheckpoint } from './at-checkpoint';
import type { ReconcileCounts } from './reconcile-counting-changes';
import type { ResyncDeps } from './resync-deps';
import {
  type PhaseCount,
  type ReconcilePhase,
  type StripeReconcilePhase,
  stripeReconcilePhases,
} from './stripe-reconcile-phases';
import { withAttempts } from './with-attempts';

/**
 * `checkpoint` of a stripe-reconcile: the phase being walked and the last item of it whose result
 * is committed. Checkpoints written before there were phases hold only `startingAfter`, a
 * subscription.
 */
type Checkpoint = {
  phase?: StripeReconcilePhase;
  startingAfter: string | null;
};

type Report = Record<PhaseCount, number> & ReconcileCounts;

const emptyReport: Report = {
  subscriptions: 0,
  payments: 0,
  refunds: 0,
  disputes: 0,
  created: 0,
  enabled: 0,
  disabled: 0,
  extended: 0,
};

/**
 * Stripe → ledger. Walks the scope's subscriptions, then its recent one-off payments, refunds and
 * disputes (see `stripeReconcilePhases`), running each through the code live events run and
 * committing the licenses it changed, the counts and the checkpoint in one transaction per item: a
 * worker killed anywhere resumes after the last committed item, in its phase, and no change is
 * counted twice. An item that keeps failing becomes a failed slice and the run goes on; a list page
 * that keeps failing stops the run (there is no cursor past it).
 */
export async function runStripeReconcile(
  run: ResyncRun,
  scope: ResolvedScope,
  shared: ResyncDeps,
): Promise<void> {
  const deps: ResyncDeps = { ...shared, ...(await shared.forWorkspace(run.workspaceId)) };
  const phases = await stripeReconcilePhases(run, scope, deps);
  const saved = (run.checkpoint ?? { startingAfter: null }) as unknown as Checkpoint;
  let state: ResyncProgressState = {
    done: run.done,
    total: run.total,
    failedSlices: run.failedSlices,
    checkpoint: { phase: saved.phase ?? 'subscriptions', startingAfter: saved.startingAfter },
    report: { ...emptyReport, ...run.report },
  };
  const first = phases.findIndex((phase) => phase.name === (saved.phase ?? 'subscriptions'));
  for (const [index, phase] of phases.entries()) {
    if (index < first) continue;
    if (index > first)
      state = await commit(deps.db, run, {
        ...state,
        checkpoint: { phase: phase.name, startingAfter: null },
      });
    const walked = await walkPhase(run, deps, phase, state, index === phases.length - 1);
    state = walked.state;
    if (!walked.ok) return;
  }
}

/** Runs one phase from the checkpoint to its end; `ok: false` when a list page failed for good. */
async function walkPhase(
  run: ResyncRun,
  deps: ResyncDeps,
  phase: ReconcilePhase,
  initial: ResyncProgressState,
  last: boolean,
): Promise<{ ok: boolean; state: ResyncProgressState }> {
  const { db, config } = deps;
  const retry = { attempts: config.RESYNC_SLICE_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS };
  const at = (startingAfter: string | null): Checkpoint => ({ phase: phase.name, startingAfter });
  let state = initial;
  let cursor = (state.checkpoint as unknown as Checkpoint).startingAfter;
  for (;;) {
    await atCheckpoint(deps);
    await deps.pacer.wait();
    const page = await withAttempts(retry, () => phase.pager(cursor));
    if (!page.ok) {
      const slice = `${phase.name} after ${cursor ?? 'start'}`;
      const failedSlices = [...state.failedSlices, { slice, error: page.error }];
      return { ok: false, state: await commit(db, run, { ...state, failedSlices }) };
    }
    const { items, hasMore } = page.value;
    // Only the last page of the last phase says how many there are; until then the total stays unknown.
    if (last && !hasMore) state = await commit(db, run, { ...state, total: state.done + items.length });

    for (const item of items) {
      await atCheckpoint(deps);
      await deps.pacer.wait();
      const base = { ...state, done: state.done + 1, checkpoint: at(item.cursor) };
      const outcome = await withAttempts(retry, () =>
        db.transaction(async (tx) => {
          // The handlers' own transactions become savepoints of this one.
          const counts = await phase.apply(provisioningContext(deps, run, tx), item.id);
          const report = addCounts(state.report as unknown as Report, phase.count, counts);
          return commit(tx, run, { ...base, report });
        }),
      );
      state = outcome.ok
        ? outcome.value
        : await commit(db, run, {
            ...base,
            failedSlices: [...state.failedSlices, { slice: phase.slice(item.id), error: outcome.error }],
          });
      deps.logger.debug(
        { runId: run.id, phase: phase.name, id: item.id, done: state.done },
        'resync item done',
      );
    }
    if (!hasMore) return { ok: true, state };
    // Objects filtered out at the end of the page are passed without a commit; a resume lists them again.
    cursor = page.value.last;
  }
}

async function commit(db: DbOrTx, run: ResyncRun, next: ResyncProgressState): Promise<ResyncProgressState> {
  await saveResyncProgress(db, run.id, next);
  return next;
}

function provisioningContext(deps: ResyncDeps, run: ResyncRun, db: DbOrTx): ProvisioningContext {
  return { db, stripe: deps.stripe, workspaceId: run.workspaceId };
}

function addCounts(report: Report, count: PhaseCount, counts: ReconcileCounts): Record<string, number> {
  return {
    ...report,
    [count]: report[count] + 1,
    created: report.created + counts.created,
    enabled: report.enabled + counts.enabled,
    disabled: report.disabled + counts.disabled,
    extended: report.extended + counts.extended,
  };
}
