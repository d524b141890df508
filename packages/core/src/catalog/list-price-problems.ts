import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { stripePriceProblems } from '../db/schema/index';

export type PriceProblemRow = typeof stripePriceProblems.$inferSelect;

/** Stripe prices whose license metadata is broken, as last checked, by price id. */
export async function listPriceProblems(options: {
  db: DbOrTx;
  workspaceId: string;
}): Promise<PriceProblemRow[]> {
  return options.db
    .select()
    .from(stripePriceProblems)
    .where(eq(stripePriceProblems.workspaceId, options.workspaceId))
    .orderBy(asc(stripePriceProblems.priceId));
}
