import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

export interface PriceProblem {
  attribute: string;
  rule: string;
  message: string;
  /** `warning`: reported only, the price still licenses; absent: an error that refuses orders. */
  severity?: 'warning';
}

/** Metadata problems of a Stripe price, found when the price is created or updated. */
export const stripePriceProblems = pgTable(
  'stripe_price_problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    priceId: text('price_id').notNull(),
    productId: text('product_id'),
    problems: jsonb('problems').$type<PriceProblem[]>().notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('stripe_price_problems_price').on(t.workspaceId, t.priceId)],
);
