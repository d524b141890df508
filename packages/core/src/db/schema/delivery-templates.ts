import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { products } from './products';
import { workspaces } from './workspaces';

/**
 * The mustache template of the delivery email: one per product, else the workspace's (no
 * product), else the built-in one. Both parts are required, so every mail has a plain-text part.
 */
export const deliveryTemplates = pgTable(
  'delivery_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('delivery_templates_product').on(t.workspaceId, t.productId),
    uniqueIndex('delivery_templates_workspace').on(t.workspaceId).where(sql`product_id is null`),
  ],
);
