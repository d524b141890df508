import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  type HubspotSyncToggles,
  hubspotConnections,
  type WorkspaceSettings,
  workspaces,
} from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';

/** Every setting with its value in effect: stored, else the default. */
export type EffectiveSettings = Required<WorkspaceSettings> & {
  /** Null when the workspace has no HubSpot connection to toggle. */
  syncToggles: Required<HubspotSyncToggles> | null;
};

/** What an absent setting means; the worker reads the same absent keys the same way. */
export const WORKSPACE_SETTING_DEFAULTS = {
  // The reference deactivates every license of a refunded payment intent, partial refunds too.
  partialRefundAction: 'disable',
  disableOnDispute: false,
  pauseCollectionAction: 'keep_working',
  hubspotDefaultObject: 'contact',
  deliverLicenses: true,
} as const satisfies Omit<Required<WorkspaceSettings>, 'resyncCron'>;

const TOGGLES = ['licenses', 'customers', 'subscriptions', 'invoices'] as const;

/** The workspace's settings and its HubSpot connection's sync toggles (absent = on). */
export async function getWorkspaceSettings(options: {
  db: DbOrTx;
  workspaceId: string;
  /** `RESYNC_CRON`, in effect while the workspace sets none. */
  defaultResyncCron: string;
}): Promise<EffectiveSettings> {
  const { db, workspaceId } = options;
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) throw new NotFoundError(`workspace ${workspaceId} not found`);
  const [connection] = await db
    .select({ syncToggles: hubspotConnections.syncToggles })
    .from(hubspotConnections)
    .where(eq(hubspotConnections.workspaceId, workspaceId));
  return {
    ...WORKSPACE_SETTING_DEFAULTS,
    resyncCron: options.defaultResyncCron,
    ...definedOnly(workspace.settings),
    syncToggles: connection
      ? (Object.fromEntries(
          TOGGLES.map((t) => [t, connection.syncToggles[t] !== false]),
        ) as Required<HubspotSyncToggles>)
      : null,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<T>;
}
