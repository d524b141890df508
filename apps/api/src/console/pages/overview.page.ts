import { countFailuresByReason } from '@licensync/core/failures';
import { RESYNC_KINDS, runResyncJob } from '@licensync/core/queues';
import { listResyncRuns } from '@licensync/core/resyncs';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { listConnections } from '../../connections/list-connections';
import { readStatus } from '../../status/read-status';
import type { ConsolePages } from '../console-page';
import { html, when } from '../html';

const DAY_MS = 86_400_000;

/** The overview: what `GET /api/v1/status` computes, plus failures by reason, connections and resyncs. */
export function overviewPage(deps: AppDeps, pages: ConsolePages): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const ws = await pages.workspace(req);
    const [status, reasons, connections, runs, next] = await Promise.all([
      readStatus(deps, ws.id),
      countFailuresByReason({ db: deps.db, workspaceId: ws.id, since: new Date(Date.now() - DAY_MS) }),
      listConnections(deps, ws.id),
      listResyncRuns({ db: deps.db, workspaceId: ws.id, limit: 1 }),
      nextResyncs(deps, ws.id),
    ]);
    const oldest = status.oldest_waiting_event;
    const last = runs[0];
    const hubspot = connections.filter((c) => c.kind === 'hubspot');
    const body = html`<div class="cards">
<section aria-labelledby="q"><h2 id="q">Queues</h2>
${
  status.queues
    ? html`<table><thead><tr><th scope="col">Queue</th><th scope="col">Waiting</th><th scope="col">Active</th><th scope="col">Delayed</th><th scope="col">Failed</th></tr></thead><tbody>
${Object.entries(status.queues).map(
  ([name, c]) =>
    html`<tr><th scope="row">${name}</th><td>${(c.waiting ?? 0) + (c.prioritized ?? 0)}</td><td>${c.active}</td><td>${c.delayed}</td><td>${c.failed}</td></tr>`,
)}</tbody></table>`
    : html`<p class="error">Redis did not answer: queue counts unknown.</p>`
}
<p>Oldest waiting event: ${oldest ? `${oldest.type} (#${oldest.id}), waiting ${oldest.age_seconds} s` : 'none'}</p>
<p>Inbox pending ${status.inbox_pending} · open failures ${status.failures_open} · HubSpot writes pending ${status.outbox_pending}</p>
<p>Workers ${status.workers_ready ? html`<span class="ok">ready</span>` : html`<span class="error">missing on some queue</span>`}</p>
</section>
<section aria-labelledby="f"><h2 id="f">Failures, last 24 hours</h2>
${
  reasons.length === 0
    ? html`<p>None.</p>`
    : html`<table><thead><tr><th scope="col">Reason</th><th scope="col">Count</th></tr></thead><tbody>${reasons.map(
        (r) =>
          html`<tr><td><a href="/console/failures?status=any&amp;error=${encodeURIComponent(r.reason.slice(0, 200))}">${r.reason}</a></td><td>${r.count}</td></tr>`,
      )}</tbody></table>`
}
</section>
<section aria-labelledby="c"><h2 id="c">Connections</h2>
${
  connections.length === 0
    ? html`<p>Nothing connected. <a href="/console/connections">Connect</a></p>`
    : html`<ul>${connections.map(
        (c) =>
          html`<li>${String(c.kind)}: <strong>${String(c.state)}</strong>${c.last_error ? html` — <span class="error">${(c.last_error as { message: string }).message}</span>` : ''}</li>`,
      )}</ul>`
}
<p>HubSpot daily budget left: ${
      hubspot.length === 0
        ? 'no HubSpot connection'
        : hubspot.map((c) =>
            c.daily_budget_remaining === null ? 'not reported yet' : String(c.daily_budget_remaining),
          )
    }</p>
</section>
<section aria-labelledby="r"><h2 id="r">Resyncs</h2>
<p>Last: ${last ? html`<a href="/console/resyncs/${last.id}">${last.kind} ${last.status}</a>, ${when(last.finishedAt ?? last.createdAt)}` : 'none yet'}</p>
<p>Next: ${next.length === 0 ? 'not scheduled' : ''}</p>${next.length ? html`<ul>${next.map((n) => html`<li>${n.kind}: ${when(n.at)}</li>`)}</ul>` : ''}
</section>
</div>`;
    await pages.send(req, res, { title: 'Overview', section: '', body });
  });
  return router;
}

/** The next scheduled run of each resync kind, from the job schedulers in Redis; none when Redis is down. */
async function nextResyncs(deps: AppDeps, workspaceId: string) {
  try {
    const found = await Promise.all(
      RESYNC_KINDS.map(async (kind) => {
        const s = await deps.queues.resyncs.getJobScheduler(runResyncJob.schedulerId(workspaceId, kind));
        return s?.next ? [{ kind, at: new Date(s.next) }] : [];
      }),
    );
    return found.flat();
  } catch {
    return [];
  }
}
