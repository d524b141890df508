import { type ActivityInput, recordActivity } from '@licensync/core/history';
import { type DISABLE_REASONS, disableLicenses } from '@licensync/core/licenses';
import * as schema from '@licensync/core/schema';
import { WORKSPACE_SETTING_DEFAULTS } from '@licensync/core/workspaces';
import { eq } from 'drizzle-orm';
import type { ProvisioningContext } from './provisioning-context';

/**
 * The workspace's refund, dispute and pause switches, absent ones at the defaults the settings
 * API reports (one table of defaults for both).
 */
export async function workspaceSettings(
  ctx: ProvisioningContext,
): Promise<Omit<Required<schema.WorkspaceSettings>, 'resyncCron'>> {
  const [workspace] = await ctx.db
    .select({ settings: schema.workspaces.settings })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, ctx.workspaceId));
  const stored = Object.fromEntries(
    Object.entries(workspace?.settings ?? {}).filter(([, v]) => v !== undefined),
  );
  return { ...WORKSPACE_SETTING_DEFAULTS, ...stored };
}

/**
 * Disables a payment's licenses for a sticky reason (when `act`) and records what happened, in one
 * transaction, so the history never claims a change that was not kept. Returns the changed ids.
 */
export async function revokeAndRecord(
  ctx: ProvisioningContext,
  input: {
    ids: string[];
    act: boolean;
    reason: typeof DISABLE_REASONS.refunded | typeof DISABLE_REASONS.disputed;
    activity: (changed: string[]) => Omit<ActivityInput, 'workspaceId' | 'outcome'>;
  },
): Promise<string[]> {
  return ctx.db.transaction(async (tx) => {
    const changed = input.act
      ? await disableLicenses(tx, { workspaceId: ctx.workspaceId, ids: input.ids, reason: input.reason })
      : [];
    await recordActivity(tx, { workspaceId: ctx.workspaceId, outcome: 'ok', ...input.activity(changed) });
    return changed;
  });
}
