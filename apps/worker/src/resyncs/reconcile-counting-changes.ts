import type { DbOrTx } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import type { ProvisioningContext } from '../provisioning/provisioning-context';
import { reconcileSubscription } from '../provisioning/reconcile-subscription';

export interface ReconcileCounts {
  created: number;
  enabled: number;
  disabled: number;
  extended: number;
}

type Snapshot = Map<string, { enabled: boolean; validUntil: number | null }>;

async function snapshot(db: DbOrTx, workspaceId: string, subscriptionId: string): Promise<Snapshot> {
  const { licenses } = schema;
  const rows = await db
    .select({ id: licenses.id, enabled: licenses.enabled, validUntil: licenses.validUntil })
    .from(licenses)
    .where(and(eq(licenses.workspaceId, workspaceId), eq(licenses.stripeSubscriptionId, subscriptionId)));
  return new Map(
    rows.map((r) => [r.id, { enabled: r.enabled, validUntil: r.validUntil?.getTime() ?? null }]),
  );
}

/**
 * `reconcileSubscription` (the same code live events run), with what it changed counted from the
 * licenses before and after. Run it in a transaction so the counts match what is kept.
 */
export async function reconcileCountingChanges(
  ctx: ProvisioningContext,
  subscriptionId: string,
): Promise<ReconcileCounts> {
  const before = await snapshot(ctx.db, ctx.workspaceId, subscriptionId);
  await reconcileSubscription(ctx, subscriptionId);
  const after = await snapshot(ctx.db, ctx.workspaceId, subscriptionId);
  const counts: ReconcileCounts = { created: 0, enabled: 0, disabled: 0, extended: 0 };
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) {
      counts.created++;
      continue;
    }
    if (!was.enabled && now.enabled) counts.enabled++;
    if (was.enabled && !now.enabled) counts.disabled++;
    if (now.validUntil !== null && (was.validUntil === null || now.validUntil > was.validUntil))
      counts.extended++;
  }
  return counts;
}
