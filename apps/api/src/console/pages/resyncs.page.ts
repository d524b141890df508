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
import type { AppDeps } from '../../app-deps';
import { resyncCreateBody } from '../../routes/admin/resyncs.route';
import { consoleSession } from '../console-auth';
import type { ConsolePages } from '../console-page';
import { html, when } from '../html';
import { csrfField } from '../layout';

const FINISHED = new Set(['succeeded', 'failed']);
/** htmx stops polling an element whose request answers 286. */
const STOP_POLLING = 286;

const slices = (run: ResyncRun) =>
  run.failedSlices.length === 0
    ? 'none'
    : html`<ul>${run.failedSlices.map((s) => html`<li>${JSON.stringify(s)}</li>`)}</ul>`;

/**
 * A run: done/total, percentage, rate and ETA, then its details. Polled every second by htmx
 * (the whole block, so the finish time, failed slices and report appear too) until it finishes.
 */
export function resyncProgress(run: ResyncRun, now: Date) {
  const { ratePerSecond, etaSeconds } = toResyncProgress(run, now);
  const pct = run.total ? Math.floor((run.done / run.total) * 100) : run.status === 'succeeded' ? 100 : 0;
  const live = !FINISHED.has(run.status);
  return html`<div id="progress"${live ? html` hx-get="/console/resyncs/${run.id}/progress" hx-trigger="every 1s" hx-swap="outerHTML"` : ''}>
<div role="status" aria-live="polite"><p><strong class="status">${run.status}</strong> · <span class="done">${run.done}</span> / <span class="total">${run.total ?? '?'}</span> · <span class="percent">${pct} %</span>${ratePerSecond === null ? '' : ` · ${ratePerSecond.toFixed(1)} records/s`}${live && etaSeconds !== null ? ` · about ${Math.ceil(etaSeconds)} s left` : ''}</p>
<progress max="100" value="${pct}" aria-label="Resync progress">${pct} %</progress></div>
${live ? html`<noscript><p><a href="/console/resyncs/${run.id}">Reload to update</a></p></noscript>` : ''}
<dl><dt>Kind</dt><dd>${run.kind}</dd><dt>Scope</dt><dd>${run.scope}</dd><dt>Requested by</dt><dd>${run.requestedBy ?? '—'}</dd>
<dt>Created</dt><dd>${when(run.createdAt)}</dd><dt>Started</dt><dd>${when(run.startedAt)}</dd><dt>Finished</dt><dd>${when(run.finishedAt)}</dd>
<dt>Failed slices</dt><dd>${slices(run)}</dd>
<dt>Report</dt><dd>${run.report ? html`<pre>${JSON.stringify(run.report, null, 2)}</pre>` : '—'}</dd></dl>
</div>`;
}

/** Resyncs: start one, watch it live, and past runs with their outcome and failed slices. */
export function resyncsPage(deps: AppDeps, pages: ConsolePages): Router {
  const router = Router();
  const { db, config } = deps;

  router.get('/resyncs', async (req, res) => {
    const ws = await pages.workspace(req);
    const runs = await listResyncRuns({ db, workspaceId: ws.id, limit: 50 });
    const session = consoleSession(req);
    const body = html`<form method="post" action="/console/resyncs" class="inline">${csrfField(session.csrf)}
<label for="kind">Kind <select id="kind" name="kind">${RESYNC_KINDS.map((k) => html`<option>${k}</option>`)}</select></label>
<label for="scope">Scope <input id="scope" name="scope" value="workspace" aria-describedby="scope-help"></label>
<button type="submit"${session.scope === 'read' ? html` disabled` : ''}>Start resync</button></form>
<p id="scope-help"><code>workspace</code>, <code>customer:&lt;id&gt;</code> or <code>hubspot:&lt;objectType&gt;:&lt;id&gt;</code>.</p>
<h2>Runs</h2>
${
  runs.length === 0
    ? html`<p>None yet.</p>`
    : html`<table><thead><tr><th scope="col">Run</th><th scope="col">Kind</th><th scope="col">Scope</th><th scope="col">Outcome</th><th scope="col">Done / total</th><th scope="col">Failed slices</th><th scope="col">Started</th><th scope="col">Finished</th></tr></thead><tbody>${runs.map(
        (r) =>
          html`<tr><td><a href="/console/resyncs/${r.id}">${r.id.slice(0, 8)}</a></td><td>${r.kind}</td><td>${r.scope}</td><td>${r.status}</td><td>${r.done} / ${r.total ?? '?'}</td><td>${r.failedSlices.length}</td><td>${when(r.startedAt)}</td><td>${when(r.finishedAt)}</td></tr>`,
      )}</tbody></table>`
}`;
    await pages.send(req, res, { title: 'Resyncs', section: 'resyncs', body });
  });

  router.post('/resyncs', async (req, res) => {
    const ws = await pages.workspace(req);
    const { kind, scope } = parseInput(resyncCreateBody, {
      kind: req.body.kind,
      scope: typeof req.body.scope === 'string' && req.body.scope.trim() ? req.body.scope : undefined,
    });
    try {
      const run = await requestResync({
        db,
        queue: deps.queues.resyncs,
        workspaceId: ws.id,
        kind,
        scope,
        requestedBy: consoleSession(req).actor,
        retry: { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS },
      });
      await pages.done(req, res, `/console/resyncs/${run.id}`, `Resync ${kind} started.`);
    } catch (err) {
      if (!(err instanceof ResyncConflictError)) throw err;
      await pages.done(req, res, `/console/resyncs/${err.activeRunId}`, `${err.message}: showing that run.`);
    }
  });

  router.get('/resyncs/:id', async (req, res) => {
    const ws = await pages.workspace(req);
    const run = await getResyncRun({ db, workspaceId: ws.id, runId: req.params.id });
    const body = html`${resyncProgress(run, new Date())}
<p><a href="/console/resyncs">All runs</a></p>`;
    await pages.send(req, res, { title: `Resync ${run.kind}`, section: 'resyncs', body });
  });

  router.get('/resyncs/:id/progress', async (req, res) => {
    const ws = await pages.workspace(req);
    const run = await getResyncRun({ db, workspaceId: ws.id, runId: req.params.id });
    res
      .status(FINISHED.has(run.status) ? STOP_POLLING : 200)
      .type('html')
      .send(resyncProgress(run, new Date()).text);
  });

  return router;
}
