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
    const answer = { settings: toSettingsJson(settings), changed: changed.map(toSettingName) };
    if (changed.includes('resyncCron')) {
      try {
        await registerResyncSchedulers(db, deps.queues.resyncs, config.RESYNC_CRON, { workspaceId });
      } catch (err) {
        // Saved, but Redis did not take the new schedule: say so rather than claim it applies now.
        deps.logger.warn({ err, workspaceId }, 'resync schedulers not re-registered');
        const error =
          'settings saved; the new resync_cron applies when Redis answers again (or at the worker’s next start)';
        return void res.status(503).json({ error, ...answer });
      }
    }
    res.json(answer);
  });

  return router;
}
