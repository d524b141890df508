import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { stripeConnections } from '../db/schema/index';

export type StripeConnection = typeof stripeConnections.$inferSelect;

export async function getStripeConnection(db: DbOrTx, workspaceId: string): Promise<StripeConnection | null> {
  const [row] = await db
    .select()
    .from(stripeConnections)
    .where(eq(stripeConnections.workspaceId, workspaceId));
  return row ?? null;
}

/** Writes the workspace's Stripe connection; secrets must already be sealed. Fields left out are kept. */
export async function saveStripeConnection(
  db: DbOrTx,
  workspaceId: string,
  values: Partial<Omit<StripeConnection, 'id' | 'workspaceId' | 'connectedAt' | 'updatedAt'>>,
): Promise<StripeConnection> {
  const set = { ...values, updatedAt: new Date() };
  const [row] = await db
    .insert(stripeConnections)
    .values({ workspaceId, ...set })
    .onConflictDoUpdate({ target: stripeConnections.workspaceId, set })
    .returning();
  return row!;
}
