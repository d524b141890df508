import { parseInput } from '@licensync/core/catalog';
import { NotFoundError } from '@licensync/core/errors';
import { discardFailures, replayFailures } from '@licensync/core/failures';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { discardBody, replayBody, toFailureSelection } from '../../routes/admin/failure-query';
import { toPathId } from '../../routes/admin/query-primitives';
import { consoleSession } from '../console-auth';
import type { ConsolePages } from '../console-page';
import { html } from '../html';
import { csrfField } from '../layout';

const FILTERS = ['queue', 'event_type', 'error', 'since', 'until'] as const;

/** Replay (one, or all open ones matching a filter after a dry-run count) and discard with a reason. */
export function failureActionsPage(deps: AppDeps, pages: ConsolePages): Router {
  const router = Router();
  const { db, config, queues } = deps;
  const replay = (workspaceId: string, actor: string, body: ReturnType<typeof replayBody.parse>) =>
    replayFailures({
      db,
      inboxQueue: queues.inbox,
      workspaceId,
      selection: toFailureSelection(body),
      dryRun: body.dry_run,
      actor,
      jobOptions: { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS },
    });
  const idOf = (raw: string) => {
    const id = toPathId(raw);
    if (id === undefined) throw new NotFoundError(`failure ${raw} not found`);
    return id;
  };

  router.post('/failures/:id/replay', async (req, res) => {
    const ws = await pages.workspace(req);
    const id = idOf(req.params.id);
    const result = await replay(ws.id, consoleSession(req).actor, parseInput(replayBody, { ids: [id] }));
    const notice = result.requeued
      ? 'Replay queued: this page shows the outcome once the worker ran it.'
      : 'Nothing to replay: this failure is no longer open.';
    await pages.done(req, res, `/console/failures/${id}`, notice);
  });

  router.post('/failures/:id/discard', async (req, res) => {
    const ws = await pages.workspace(req);
    const id = idOf(req.params.id);
    const reason = typeof req.body.reason === 'string' ? req.body.reason : '';
    const body = parseInput(discardBody, { ids: [id], reason });
    await discardFailures({
      db,
      workspaceId: ws.id,
      selection: toFailureSelection(body),
      reason: body.reason,
      actor: consoleSession(req).actor,
    });
    await pages.done(req, res, `/console/failures/${id}`, 'Failure discarded.');
  });

  // Bulk: the first post is a dry run that shows the count and asks to confirm; the second replays.
  router.post('/failures/replay', async (req, res) => {
    const ws = await pages.workspace(req);
    const filter = Object.fromEntries(
      FILTERS.flatMap((k) =>
        typeof req.body[k] === 'string' && req.body[k].trim() ? [[k, req.body[k].trim()]] : [],
      ),
    );
    const dryRun = req.body.dry_run !== 'false';
    const body = parseInput(replayBody, { filter, dry_run: dryRun });
    const session = consoleSession(req);
    const result = await replay(ws.id, session.actor, body);
    const back = `/console/failures?${new URLSearchParams(filter).toString()}`;
    if (!dryRun) {
      return pages.done(
        req,
        res,
        back,
        `${result.requeued} failures queued for replay, ${result.skipped} skipped.`,
      );
    }
    const page = html`<p>${result.matched} open failures match; replaying would queue <strong id="would-requeue">${result.wouldRequeue ?? 0}</strong>.</p>
<form method="post" action="/console/failures/replay" class="inline">${csrfField(session.csrf)}
${Object.entries(filter).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<input type="hidden" name="dry_run" value="false"><button type="submit">Replay ${result.wouldRequeue ?? 0} failures</button></form>
<p><a href="${back}">Cancel</a></p>`;
    await pages.send(req, res, { title: 'Replay failures', section: 'failures', body: page });
  });

  return router;
}
