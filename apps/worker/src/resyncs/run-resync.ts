import { recordActivity } from '@licensync/core/history';
import { isFinalFailure } from '@licensync/core/queues';
import {
  finishResyncRun,
  getResyncRun,
  type ResyncRun,
  resolveResyncScope,
  startResyncRun,
} from '@licensync/core/resyncs';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { ResyncStoppedError } from './at-checkpoint';
import { isSettling } from './hubspot-resync-checkpoint';
import type { ResyncDeps } from './resync-deps';
import { runHubspotResync } from './run-hubspot-resync';
import { runStripeReconcile } from './run-stripe-reconcile';
import { settleHubspotResync } from './settle-hubspot-resync';

/**
 * Processes one resync run from its checkpoint to the end. Idempotent because progress is kept in
 * the run row with the work it describes: a retried or stalled job resumes, a job for a finished
 * run does nothing. Terminal when the scope no longer resolves or the job runs out of attempts;
 * either way the run ends `failed` with the reason as a slice. A hubspot-resync waiting for HubSpot
 * to take its records puts its job back as delayed (`RESYNC_SETTLE_CHECK_MS`) instead of holding the
 * queue, and the same job looks again then.
 */
export async function runResync(job: Job, runId: string, deps: ResyncDeps, token?: string): Promise<string> {
  const { db, logger } = deps;
  const run = await startResyncRun(db, runId);
  if (!run) return 'already finished';
  const log = logger.child({ runId, kind: run.kind, scope: run.scope });
  const settling = isSettling(run.checkpoint);
  if (!settling) {
    log.info(
      { done: run.done, checkpoint: run.checkpoint },
      run.checkpoint ? 'resync resumed' : 'resync started',
    );
  }
  let waiting = false;
  try {
    waiting = (await runUntilWaiting(run, deps)) === 'settling';
    if (!waiting) await finishResyncRun(db, runId);
  } catch (err) {
    if (err instanceof ResyncStoppedError) {
      // Progress up to here is committed: back to the queue, at no cost of an attempt.
      log.info({ done: (await getResyncRun({ db, workspaceId: run.workspaceId, runId })).done }, err.message);
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    }
    const message = err instanceof Error ? err.message : String(err);
    if (!isFinalFailure(job, err)) {
      log.warn({ err: message }, 'resync interrupted; will resume from its checkpoint');
      throw err;
    }
    await finishResyncRun(db, runId, { slice: 'run', error: message });
    log.error({ err: message }, 'resync stopped');
    throw new UnrecoverableError(message);
  }
  if (waiting) {
    await job.moveToDelayed(Date.now() + deps.config.RESYNC_SETTLE_CHECK_MS, token);
    throw new DelayedError();
  }
  const finished = await getResyncRun({ db, workspaceId: run.workspaceId, runId });
  await recordActivity(db, {
    workspaceId: run.workspaceId,
    kind: `resync.${finished.status}`,
    subjects: [`resync:${runId}`],
    outcome: finished.status === 'succeeded' ? 'ok' : 'error',
    message: `${run.kind} of ${run.scope}: ${finished.done} done, ${finished.failedSlices.length} failed slice(s)`,
    detail: { report: finished.report, failedSlices: finished.failedSlices },
  });
  log.info({ status: finished.status, done: finished.done, report: finished.report }, 'resync finished');
  return finished.status;
}

async function runUntilWaiting(run: ResyncRun, deps: ResyncDeps): Promise<'settling' | 'finished'> {
  if (isSettling(run.checkpoint)) {
    return (await settleHubspotResync(run.id, run, deps)) === 'settled' ? 'finished' : 'settling';
  }
  const scope = await resolveResyncScope(deps.db, run.workspaceId, run.scope);
  if (run.kind === 'stripe-reconcile') {
    await runStripeReconcile(run, scope, deps);
    return 'finished';
  }
  return runHubspotResync(run, scope, deps);
}
