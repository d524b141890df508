import { findWorkspaceBySlug, type Workspace } from '@licensync/core/workspaces';
import type { Request, RequestHandler } from 'express';
import type { AppDeps } from '../../app-deps';

/** The request header naming the workspace an admin request acts on; absent = the default workspace. */
export const WORKSPACE_HEADER = 'Licensync-Workspace';

const bound = new WeakMap<Request, Workspace>();

/**
 * Resolves `Licensync-Workspace: <slug>` once per request, before any admin handler runs; an
 * unknown slug is a 404 so a typo never falls through to the default workspace's data.
 */
export function bindRequestWorkspace(deps: Pick<AppDeps, 'db'>): RequestHandler {
  return async (req, res, next) => {
    const slug = req.get(WORKSPACE_HEADER)?.trim();
    if (!slug) return next();
    const workspace = await findWorkspaceBySlug(deps.db, slug);
    if (!workspace) return void res.status(404).json({ error: `unknown workspace ${slug}` });
    bound.set(req, workspace);
    next();
  };
}

/**
 * The workspace an admin request acts on. Every admin handler asks this, per request, so that
 * scoping requests to a workspace is decided in one place: the `Licensync-Workspace` header, or
 * the default workspace without it.
 */
export function requestWorkspace(req: Request, deps: Pick<AppDeps, 'defaultWorkspaceId'>): string {
  return bound.get(req)?.id ?? deps.defaultWorkspaceId;
}
