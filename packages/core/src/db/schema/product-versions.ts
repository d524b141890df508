import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { products } from './products';
import { workspaces } from './workspaces';

/**
 * Release dates of a product's app versions, as the vendor declares them. Maintenance is enforced
 * against these: a version released after a license's maintenance ended is refused.
 */
export const productVersions = pgTable(
  'product_versions',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    version: text('version').notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.version] })],
);
