import type { Request } from 'express';
import type { AppDeps } from '../../app-deps';

/**
 * The workspace an admin request acts on. Every admin handler asks this, per request, so that
 * scoping requests to a workspace is decided in one place. Until workspaces can be named by a
 * request, it is the default workspace.
 */
export function requestWorkspace(_req: Request, deps: Pick<AppDeps, 'defaultWorkspaceId'>): string {
  return deps.defaultWorkspaceId;
}
