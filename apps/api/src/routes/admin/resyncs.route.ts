import { parseInput } from '@licensync/core/catalog';
import { RESYNC_KINDS } from '@licensync/core/queues';
import {
  getResyncRun,
  listResyncRuns,
  ResyncConflictError,
  type ResyncRun,
  requestResync,
  toResyncProgress,
} from '@licensync/core/resyncs';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { requestOperator } from '../../middleware/authenticate-operator';
import { queryInteger } from './query-primitives';
import { requestWorkspace } from './request-workspace';

export const resyncCreateBody = z.strictObject({
  kind: z.enum(RESYNC_KINDS),
  /** `workspace`, `customer:<id>` or `hubspot:<objectType>:<id>`; checked by requestResync. */
  scope: z.string().trim().min(1).max(200).default('workspace'),
});

export const resyncListQuery = z.strictObject({
  kind: z.enum(RESYNC_KINDS).optional(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']).optional(),
  limit: queryInteger(1, 100).default(20),
});

/**
 * Bulk resyncs on demand, and their progress. A second request for a kind and scope that is
 * already queued or running answers 409 with that run's `id` instead of starting another.
 */
export function resyncsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db, config } = deps;

  router.post('/resyncs', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const { kind, scope } = parseInput(resyncCreateBody, req.body ?? {});
    try {
      const run = await requestResync({
        db,
        queue: deps.queues.resyncs,
        workspaceId,
        kind,
        scope,
        requestedBy: requestOperator(req)?.actor ?? 'admin-api',
        retry: { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS },
      });
      res.status(202).json(toResyncJson(run, new Date()));
    } catch (err) {
      if (!(err instanceof ResyncConflictError)) throw err;
      res.status(409).json({ error: err.message, id: err.activeRunId });
    }
  });

  router.get('/resyncs', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const query = parseInput(resyncListQuery, req.query);
    const runs = await listResyncRuns({ db, workspaceId, ...query });
    const now = new Date();
    res.json({ data: runs.map((run) => toResyncJson(run, now)) });
  });

  router.get('/resyncs/:id', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    res.json(toResyncJson(await getResyncRun({ db, workspaceId, runId: req.params.id }), new Date()));
  });

  return router;
}

function toResyncJson(run: ResyncRun, now: Date) {
  const progress = toResyncProgress(run, now);
  return {
    id: run.id,
    kind: run.kind,
    scope: run.scope,
    status: run.status,
    done: run.done,
    total: run.total,
    rate_per_second: progress.ratePerSecond,
    eta_seconds: progress.etaSeconds,
    failed_slices: run.failedSlices,
    report: run.report,
    requested_by: run.requestedBy,
    created_at: run.createdAt.toISOString(),
    started_at: run.startedAt?.toISOString() ?? null,
    finished_at: run.finishedAt?.toISOString() ?? null,
  };
}
