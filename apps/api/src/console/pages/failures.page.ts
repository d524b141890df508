import { parseInput } from '@licensync/core/catalog';
import { NotFoundError } from '@licensync/core/errors';
import { getFailure, listFailures } from '@licensync/core/failures';
import { type Request, Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { failureListQuery, toFailureFilter } from '../../routes/admin/failure-query';
import { toPathId } from '../../routes/admin/query-primitives';
import { consoleSession } from '../console-auth';
import type { ConsolePages } from '../console-page';
import { html, when } from '../html';
import { csrfField } from '../layout';

const FILTERS = ['queue', 'event_type', 'error', 'since', 'until'] as const;
const STATUSES = ['failed', 'replayed', 'discarded', 'resolved', 'any'] as const;

/** The list's query as the admin API parses it; an emptied form field means "no filter". */
export function failureQueryOf(req: Request) {
  const given = Object.fromEntries(
    Object.entries(req.query).filter(([k, v]) => typeof v === 'string' && v.trim() !== '' && k !== 'notice'),
  );
  return parseInput(failureListQuery, given);
}

/** Failures: the admin API's filters, a page per failure with every attempt and the stored event. */
export function failuresPage(deps: AppDeps, pages: ConsolePages): Router {
  const router = Router();
  const { db } = deps;

  router.get('/failures', async (req, res) => {
    const ws = await pages.workspace(req);
    const query = failureQueryOf(req);
    const { data, hasMore } = await listFailures({
      db,
      workspaceId: ws.id,
      filter: toFailureFilter(query),
      limit: query.limit,
      startingAfter: query.starting_after,
    });
    const session = consoleSession(req);
    const field = (name: (typeof FILTERS)[number], label: string) =>
      html`<label for="f-${name}">${label} <input id="f-${name}" name="${name}" value="${String(query[name] instanceof Date ? (query[name] as Date).toISOString() : (query[name] ?? ''))}"></label>`;
    const hidden = FILTERS.map((name) => {
      const v = query[name];
      return v === undefined
        ? ''
        : html`<input type="hidden" name="${name}" value="${v instanceof Date ? v.toISOString() : v}">`;
    });
    const next = hasMore
      ? new URLSearchParams({
          ...(req.query as Record<string, string>),
          starting_after: String(data.at(-1)!.id),
        })
      : null;
    const body = html`<form method="get" action="/console/failures" class="inline">
${field('queue', 'Queue')}${field('event_type', 'Event type')}${field('error', 'Error contains')}${field('since', 'Since (ISO)')}${field('until', 'Until (ISO)')}
<label for="f-status">Status <select id="f-status" name="status">${STATUSES.map((s) => html`<option${s === query.status ? html` selected` : ''}>${s}</option>`)}</select></label>
<button type="submit">Filter</button></form>
<form method="post" action="/console/failures/replay" class="inline">${csrfField(session.csrf)}${hidden}
<input type="hidden" name="dry_run" value="true"><button type="submit"${session.scope === 'read' ? html` disabled` : ''}>Replay all open failures matching this filter…</button></form>
${
  data.length === 0
    ? html`<p>No failures match.</p>`
    : html`<table><thead><tr><th scope="col">#</th><th scope="col">Event</th><th scope="col">Queue</th><th scope="col">Attempts</th><th scope="col">Status</th><th scope="col">Last error</th><th scope="col">Recorded</th></tr></thead><tbody>${data.map(
        (f) =>
          html`<tr><td><a href="/console/failures/${f.id}">${f.id}</a></td><td>${f.eventType ?? f.jobName}</td><td>${f.queue}</td><td>${f.attempts}</td><td>${f.status}</td><td>${f.lastError}</td><td>${when(f.createdAt)}</td></tr>`,
      )}</tbody></table>`
}
${next ? html`<p><a href="/console/failures?${next.toString()}">Older failures</a></p>` : ''}`;
    await pages.send(req, res, { title: 'Failures', section: 'failures', body });
  });

  router.get('/failures/:id', async (req, res) => {
    const ws = await pages.workspace(req);
    const failureId = toPathId(req.params.id);
    if (failureId === undefined) throw new NotFoundError(`failure ${req.params.id} not found`);
    const { failure, inboxEvent, actions } = await getFailure({ db, workspaceId: ws.id, failureId });
    const session = consoleSession(req);
    const off = session.scope === 'read' ? html` disabled` : '';
    const body = html`<dl>
<dt>Status</dt><dd>${failure.status}</dd>
<dt>Queue / job</dt><dd>${failure.queue} / ${failure.jobName} (${failure.jobId})</dd>
<dt>Event</dt><dd>${failure.eventType ?? '—'} ${failure.eventId ?? ''}</dd>
<dt>Attempts</dt><dd>${failure.attempts}</dd>
<dt>Recorded</dt><dd>${when(failure.createdAt)}, last ${when(failure.updatedAt)}</dd>
</dl>
${
  failure.status === 'failed'
    ? html`<form method="post" action="/console/failures/${failure.id}/replay" class="inline">${csrfField(session.csrf)}<button type="submit"${off}>Replay</button></form>
<form method="post" action="/console/failures/${failure.id}/discard" class="inline">${csrfField(session.csrf)}<label for="discard-reason">Reason <input id="discard-reason" name="reason" required maxlength="500"></label><button type="submit" class="danger"${off}>Discard</button></form>`
    : ''
}
<h2>Attempts</h2>
<ol>${failure.errors.map((e) => html`<li>Attempt ${e.attempt}${e.at ? `, ${e.at}` : ''}: <span class="error">${e.message}</span></li>`)}</ol>
<h2>Operators' actions</h2>
${
  actions.length === 0
    ? html`<p>None.</p>`
    : html`<ul>${actions.map((a) => html`<li>${when(a.at)} ${a.kind} ${a.outcome}${a.detail?.actor ? ` by ${String(a.detail.actor)}` : ''}${a.detail?.reason ? ` — ${String(a.detail.reason)}` : ''}</li>`)}</ul>`
}
<h2>Stored event</h2>
${
  inboxEvent
    ? html`<p>${inboxEvent.provider} ${inboxEvent.type} ${inboxEvent.externalId}: ${inboxEvent.status}, round ${inboxEvent.round}, received ${when(inboxEvent.receivedAt)}</p>
<pre>${JSON.stringify(inboxEvent.payload, null, 2)}</pre>`
    : html`<p>Not an event job. Payload:</p><pre>${JSON.stringify(failure.payload, null, 2)}</pre>`
}`;
    await pages.send(req, res, { title: `Failure #${failure.id}`, section: 'failures', body });
  });

  return router;
}
