import { parseInput } from '@licensync/core/catalog';
import { createWorkspace, listWorkspaces, WORKSPACE_SLUG, type Workspace } from '@licensync/core/workspaces';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';

export const workspaceCreateBody = z.strictObject({
  slug: z.string().regex(WORKSPACE_SLUG, 'lower-case letters, digits and dashes, up to 63'),
  name: z.string().trim().min(1).max(200),
});

const toWorkspaceJson = (w: Workspace, publicUrl: string) => ({
  id: w.id,
  slug: w.slug,
  name: w.name,
  settings: w.settings,
  webhook_url: `${publicUrl.replace(/\/+$/, '')}/webhooks/stripe/${w.slug}`,
  created_at: w.createdAt.toISOString(),
});

/**
 * Workspaces are the one thing above a workspace: listed and created here, whatever
 * `Licensync-Workspace` the request names. Each gets its own webhook URL.
 */
export function workspacesRoute(deps: AppDeps): Router {
  const router = Router();
  const { db, config } = deps;

  router.get('/workspaces', async (_req, res) => {
    res.json({ data: (await listWorkspaces(db)).map((w) => toWorkspaceJson(w, config.PUBLIC_URL)) });
  });

  router.post('/workspaces', async (req, res) => {
    const input = parseInput(workspaceCreateBody, req.body);
    res.status(201).json(toWorkspaceJson(await createWorkspace(db, input), config.PUBLIC_URL));
  });

  return router;
}
