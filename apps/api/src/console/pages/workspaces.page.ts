import { listWorkspaces } from '@licensync/core/workspaces';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { consoleSession, consoleSessionId } from '../console-auth';
import type { ConsolePages } from '../console-page';
import type { ConsoleSessionStore } from '../console-session-store';
import { html } from '../html';
import { csrfField } from '../layout';

/** Every workspace, and switching the one the console shows (kept in the session, not in the URL). */
export function workspacesPage(deps: AppDeps, pages: ConsolePages, store: ConsoleSessionStore): Router {
  const router = Router();

  router.get('/workspaces', async (req, res) => {
    const all = await listWorkspaces(deps.db);
    const current = await pages.workspace(req);
    const session = consoleSession(req);
    const body = html`<table><thead><tr><th scope="col">Workspace</th><th scope="col">Slug</th><th scope="col">Webhook URL</th><th scope="col"><span class="visually-hidden">Switch</span></th></tr></thead><tbody>${all.map(
      (w) =>
        html`<tr><td>${w.name}</td><td>${w.slug}</td><td><code>${`${deps.config.PUBLIC_URL.replace(/\/+$/, '')}/webhooks/stripe/${w.slug}`}</code></td><td>${
          w.id === current.id
            ? html`<strong>current</strong>`
            : html`<form method="post" action="/console/workspaces/switch">${csrfField(session.csrf)}<input type="hidden" name="slug" value="${w.slug}"><button type="submit">Switch to ${w.slug}</button></form>`
        }</td></tr>`,
    )}</tbody></table>`;
    await pages.send(req, res, { title: 'Workspaces', section: 'workspaces', body });
  });

  // Switching changes only what this session looks at, so a read-only key may do it too.
  router.post('/workspaces/switch', async (req, res) => {
    const all = await listWorkspaces(deps.db);
    const target = all.find((w) => w.slug === req.body.slug);
    const id = consoleSessionId(req);
    if (!target || !id) return pages.done(req, res, '/console/workspaces', 'No such workspace.');
    await store.save(id, {
      ...consoleSession(req),
      workspaceId: target.id,
      notice: `Now showing ${target.name}.`,
    });
    res.redirect(303, '/console/');
  });

  return router;
}
