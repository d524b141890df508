import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { orders } from '../db/schema/index';

export type OrderRow = typeof orders.$inferSelect;

/** One customer's orders (the Stripe objects or hand orders that paid for licenses), newest first. */
export function listCustomerOrders(options: {
  db: DbOrTx;
  workspaceId: string;
  customerId: string;
  /** 1–100. */
  limit: number;
}): Promise<OrderRow[]> {
  return options.db
    .select()
    .from(orders)
    .where(and(eq(orders.workspaceId, options.workspaceId), eq(orders.customerId, options.customerId)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(options.limit);
}
