import type { Db } from '@licensync/core/db';
import type { ResolvedScope } from '@licensync/core/resyncs';
import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';

/**
 * The Stripe customer a customer scope (or a customer record) names: its id, null when it has
 * none (nothing in Stripe is in scope), undefined for the workspace and other records.
 */
export async function stripeCustomerOfScope(input: {
  db: Db;
  workspaceId: string;
  scope: ResolvedScope;
}): Promise<string | null | undefined> {
  const { scope } = input;
  if (scope.type === 'customer') return scope.stripeCustomerId;
  if (scope.type !== 'record' || scope.kind !== 'customer') return undefined;
  const { customers } = schema;
  const [row] = await input.db
    .select({ id: customers.stripeCustomerId })
    .from(customers)
    .where(and(eq(customers.workspaceId, input.workspaceId), eq(customers.id, scope.id)));
  return row?.id ?? null;
}
