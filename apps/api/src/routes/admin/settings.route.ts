import { parseInput } from '@licensync/core/catalog';
import { getWorkspaceSettings } from '@licensync/core/workspaces';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { saveWorkspaceSettings } from '../../settings/save-workspace-settings';
import { requestActor } from './request-actor';
import { requestWorkspace } from './request-workspace';
import { settingsPatchBody, toSettingName, toSettingsJson, toSettingsPatch } from './settings-body';

/**
 * The workspace's settings, without SQL. A new `resync_cron` replaces the workspace's job
 * schedulers in Redis at once, so the worker picks it up without a restart.
 */
export function settingsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db, config } = deps;

  router.get('/settings', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const settings = await getWorkspaceSettings({ db, workspaceId, defaultResyncCron: config.RESYNC_CRON });
    res.json(toSettingsJson(settings));
  });

  router.patch('/settings', async (req, res) => {
    const body = parseInput(settingsPatchBody, req.body);
    const { settings, changed, scheduled } = await saveWorkspaceSettings(deps, {
      workspaceId: requestWorkspace(req, deps),
      patch: toSettingsPatch(body),
      actor: requestActor(req),
    });
    const answer = { settings: toSettingsJson(settings), changed: changed.map(toSettingName) };
    if (!scheduled) {
      // Saved, but Redis did not take the new schedule: say so rather than claim it applies now.
      const error =
        'settings saved; the new resync_cron applies when Redis answers again (or at the worker’s next start)';
      return void res.status(503).json({ error, ...answer });
    }
    res.json(answer);
  });

  return router;
}
