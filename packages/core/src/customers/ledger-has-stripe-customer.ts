import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { customers } from '../db/schema/index';

/** Whether the workspace's ledger already has a customer with this Stripe id (`cus_…`). */
export async function ledgerHasStripeCustomer(
  db: DbOrTx,
  workspaceId: string,
  stripeCustomerId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.stripeCustomerId, stripeCustomerId)))
    .limit(1);
  return row !== undefined;
}
