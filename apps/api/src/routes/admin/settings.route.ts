import { parseInput } from '@licensync/core/catalog';
import { registerResyncSchedulers } from '@licensync/core/resyncs';
import { getWorkspaceSettings, updateWorkspaceSettings } from '@licensync/core/workspaces';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
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
    const workspaceId = requestWorkspace(req, deps);
    const body = parseInput(settingsPatchBody, req.body);
    const { settings, changed } = await updateWorkspaceSettings({
      db,
      workspaceId,
      patch: toSettingsPatch(body),
      actor: requestActor(req),
      defaultResyncCron: config.RESYNC_CRON,
    });
    if (changed.includes('resyncCron')) {
      await registerResyncSchedulers(db, deps.queues.resyncs, config.RESYNC_CRON, { workspaceId });
    }
    res.json({ settings: toSettingsJson(settings), changed: changed.map(toSettingName) });
  });

  return router;
}
