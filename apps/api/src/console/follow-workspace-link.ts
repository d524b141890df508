import { findWorkspaceBySlug } from '@licensync/core/workspaces';
import type { RequestHandler } from 'express';
import type { AppDeps } from '../app-deps';
import { consoleSession, consoleSessionId } from './console-auth';
import type { ConsoleSessionStore } from './console-session-store';

/**
 * The links we write into HubSpot name their workspace (`?workspace=<slug>`): opening one switches
 * the session to it, as the Workspaces page would, so the record is found (not a 404) whichever
 * workspace the operator looked at last. An unknown slug changes nothing. The parameter is then
 * taken off the request, so a page that checks its query strictly (Failures) does not refuse it.
 */
export function followWorkspaceLink(deps: Pick<AppDeps, 'db'>, store: ConsoleSessionStore): RequestHandler {
  return async (req, _res, next) => {
    const slug = req.query.workspace;
    const id = consoleSessionId(req);
    if (req.method !== 'GET' || typeof slug !== 'string' || !id) return next();
    const workspace = await findWorkspaceBySlug(deps.db, slug);
    const session = consoleSession(req);
    if (workspace && workspace.id !== session.workspaceId) {
      session.workspaceId = workspace.id;
      await store.save(id, session);
    }
    // Express parses `req.query` from `req.url` on each read, so this is how the parameter goes.
    const url = new URL(req.url, 'http://console.invalid');
    url.searchParams.delete('workspace');
    req.url = `${url.pathname}${url.search}`;
    next();
  };
}
