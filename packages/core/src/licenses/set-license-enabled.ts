import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { licenses } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { recordActivity } from '../history/record-activity';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';
import { emitLicenseEvents } from '../webhooks/emit-license-events';
import { isLicenseId } from './get-license';
import { DISABLE_REASONS } from './license-status';

/**
 * Enables or disables a license by hand. Enabling clears the reason. The change and its sync
 * intent commit together; asking for the state a license already has changes nothing and
 * enqueues nothing. Returns whether the license changed.
 */
export async function setLicenseEnabled(options: {
  db: Db;
  workspaceId: string;
  licenseId: string;
  enabled: boolean;
  /** Shown to operators (and synced) as why the license is disabled; ignored when enabling. */
  reason?: string | null;
  /** Who asked, for the history (`api`, `cli`, `hubspot`). */
  actor?: string;
}): Promise<boolean> {
  const { db, workspaceId, licenseId, enabled } = options;
  // An operator's disable sticks: subscription state changes never lift `operator` or a given reason.
  const disabledReason = enabled ? null : (options.reason ?? DISABLE_REASONS.operator);
  if (!isLicenseId(licenseId)) throw new NotFoundError(`license ${licenseId} not found`);
  return db.transaction(async (tx) => {
    const where = and(eq(licenses.workspaceId, workspaceId), eq(licenses.id, licenseId));
    const [current] = await tx.select().from(licenses).where(where).for('update');
    if (!current) throw new NotFoundError(`license ${licenseId} not found`);
    if (current.enabled === enabled && current.disabledReason === disabledReason) return false;
    await tx.update(licenses).set({ enabled, disabledReason, updatedAt: new Date() }).where(where);
    await enqueueSyncIntent(tx, workspaceId, 'license', [licenseId]);
    await emitLicenseEvents(tx, workspaceId, [licenseId]);
    await recordActivity(tx, {
      workspaceId,
      kind: enabled ? 'license.enabled' : 'license.disabled',
      subjects: [
        `license:${licenseId}`,
        ...(current.licenseKey ? [`license_key:${current.licenseKey}`] : []),
      ],
      outcome: 'ok',
      message: enabled ? 'enabled by an operator' : `disabled by an operator: ${disabledReason}`,
      detail: { source: options.actor ?? 'api' },
    });
    return true;
  });
}
