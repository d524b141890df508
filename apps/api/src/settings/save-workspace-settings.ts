import { registerResyncSchedulers } from '@licensync/core/resyncs';
import { type SettingsPatch, updateWorkspaceSettings } from '@licensync/core/workspaces';
import type { AppDeps } from '../app-deps';

/**
 * Saves a settings change; a new `resync_cron` replaces the workspace's job schedulers in Redis at
 * once, so the worker picks it up without a restart. `scheduled: false` says the change was saved
 * but Redis did not take the new schedule (it applies at the worker's next start).
 */
export async function saveWorkspaceSettings(
  deps: Pick<AppDeps, 'db' | 'config' | 'queues' | 'logger'>,
  input: { workspaceId: string; patch: SettingsPatch; actor: string },
) {
  const { db, config } = deps;
  const { settings, changed } = await updateWorkspaceSettings({
    db,
    workspaceId: input.workspaceId,
    patch: input.patch,
    actor: input.actor,
    defaultResyncCron: config.RESYNC_CRON,
  });
  let scheduled = true;
  if (changed.includes('resyncCron')) {
    try {
      await registerResyncSchedulers(db, deps.queues.resyncs, config.RESYNC_CRON, {
        workspaceId: input.workspaceId,
      });
    } catch (err) {
      deps.logger.warn({ err, workspaceId: input.workspaceId }, 'resync schedulers not re-registered');
      scheduled = false;
    }
  }
  return { settings, changed, scheduled };
}
