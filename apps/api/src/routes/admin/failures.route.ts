import { parseInput } from '@licensync/core/catalog';
import { NotFoundError } from '@licensync/core/errors';
import { discardFailures, getFailure, listFailures, replayFailures } from '@licensync/core/failures';
import { type Request, Router } from 'express';
import type { AppDeps } from '../../app-deps';
import {
  discardBody,
  failureListQuery,
  replayBody,
  toFailureFilter,
  toFailureSelection,
} from './failure-query';
import { toPathId } from './query-primitives';
import { requestWorkspace } from './request-workspace';
import { toFailureDetailsJson, toFailureJson } from './to-failure-json';

/** There is one admin token and it has no label; the CLI says it is the CLI. */
const actorOf = (req: Request) => (req.get('x-licensync-client') === 'cli' ? 'cli' : 'api');

/** Final job failures from Postgres: list, inspect, replay once fixed, or discard. */
export function failuresRoute(deps: AppDeps): Router {
  const router = Router();
  const { db, config, queues } = deps;

  router.get('/failures', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const query = parseInput(failureListQuery, req.query);
    const { data, hasMore } = await listFailures({
      db,
      workspaceId,
      filter: toFailureFilter(query),
      limit: query.limit,
      startingAfter: query.starting_after,
    });
    res.json({ data: data.map(toFailureJson), has_more: hasMore });
  });

  router.post('/failures/replay', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const body = parseInput(replayBody, req.body);
    const result = await replayFailures({
      db,
      inboxQueue: queues.inbox,
      workspaceId,
      selection: toFailureSelection(body),
      dryRun: body.dry_run,
      actor: actorOf(req),
      jobOptions: { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS },
    });
    res.json({
      matched: result.matched,
      requeued: result.requeued,
      skipped: result.skipped,
      dry_run: body.dry_run,
      ...(body.dry_run ? { would_requeue: result.wouldRequeue } : {}),
    });
  });

  router.post('/failures/discard', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const body = parseInput(discardBody, req.body);
    const result = await discardFailures({
      db,
      workspaceId,
      selection: toFailureSelection(body),
      reason: body.reason,
      actor: actorOf(req),
    });
    res.json(result);
  });

  router.get('/failures/:id', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const failureId = toPathId(req.params.id);
    if (failureId === undefined) {
      throw new NotFoundError(`failure ${req.params.id} not found`);
    }
    res.json(toFailureDetailsJson(await getFailure({ db, workspaceId, failureId })));
  });

  return router;
}
