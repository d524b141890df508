import * as schema from '@licensync/core/schema';
import { and, arrayContains, eq, type SQL } from 'drizzle-orm';
import type { ProvisioningContext } from './provisioning-context';

/**
 * Whether the workspace's history already holds an entry of `kind` about `subject` (and matching
 * `where`): how the stripe-reconcile tells a refund or dispute we applied from one whose event never
 * came, so it does not apply it again over an operator's later decision.
 */
export async function hasActivity(
  ctx: ProvisioningContext,
  input: { kind: string; subject: string; where?: SQL },
): Promise<boolean> {
  const { activityLog } = schema;
  const [row] = await ctx.db
    .select({ id: activityLog.id })
    .from(activityLog)
    .where(
      and(
        eq(activityLog.workspaceId, ctx.workspaceId),
        eq(activityLog.kind, input.kind),
        arrayContains(activityLog.subjects, [input.subject]),
        input.where,
      ),
    )
    .limit(1);
  return row !== undefined;
}
