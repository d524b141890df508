import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  type HubspotSyncToggles,
  hubspotConnections,
  type WorkspaceSettings,
  workspaces,
} from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { UnprocessableError } from '../errors/unprocessable-error';
import { recordActivity } from '../history/record-activity';
import { type EffectiveSettings, getWorkspaceSettings } from './get-workspace-settings';
import { cronProblem } from './is-valid-cron';

export interface SettingsPatch extends Partial<WorkspaceSettings> {
  syncToggles?: Partial<HubspotSyncToggles>;
}

/**
 * Changes workspace settings and the HubSpot connection's sync toggles in one transaction, with a
 * history entry naming the actor and every value before and after. A cron BullMQ could not
 * schedule, or a toggle without a connection, is an `UnprocessableError` and changes nothing.
 * Returns the settings now in effect and the names (camelCase) of those that changed.
 */
export async function updateWorkspaceSettings(options: {
  db: Db;
  workspaceId: string;
  patch: SettingsPatch;
  actor: string;
  defaultResyncCron: string;
}): Promise<{ settings: EffectiveSettings; changed: string[] }> {
  const { db, workspaceId, actor, defaultResyncCron } = options;
  const { syncToggles, ...patch } = options.patch;
  if (patch.resyncCron !== undefined) {
    const problem = cronProblem(patch.resyncCron);
    if (problem)
      throw new UnprocessableError(
        'resync_cron',
        `resync_cron "${patch.resyncCron}" is not a cron pattern: ${problem}`,
      );
  }
  return db.transaction(async (tx) => {
    const [workspace] = await tx
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId))
      .for('update');
    if (!workspace) throw new NotFoundError(`workspace ${workspaceId} not found`);
    const before = await getWorkspaceSettings({ db: tx, workspaceId, defaultResyncCron });
    const settings = { ...workspace.settings, ...definedOnly(patch) };
    await tx.update(workspaces).set({ settings }).where(eq(workspaces.id, workspaceId));
    if (syncToggles && Object.keys(syncToggles).length > 0) {
      const [connection] = await tx
        .select()
        .from(hubspotConnections)
        .where(eq(hubspotConnections.workspaceId, workspaceId))
        .for('update');
      if (!connection) {
        throw new UnprocessableError(
          'sync_toggles',
          'sync_toggles need a HubSpot connection, and this workspace has none',
        );
      }
      await tx
        .update(hubspotConnections)
        .set({
          syncToggles: { ...connection.syncToggles, ...definedOnly(syncToggles) },
          updatedAt: new Date(),
        })
        .where(eq(hubspotConnections.id, connection.id));
    }
    const after = await getWorkspaceSettings({ db: tx, workspaceId, defaultResyncCron });
    const changed = (Object.keys(after) as (keyof EffectiveSettings)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (changed.length > 0) {
      await recordActivity(tx, {
        workspaceId,
        kind: 'settings.updated',
        subjects: [`workspace:${workspaceId}`],
        outcome: 'ok',
        message: `changed ${changed.join(', ')} by ${actor}`,
        detail: {
          actor,
          changed,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        },
      });
    }
    return { settings: after, changed };
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
