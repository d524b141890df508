import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { products } from './products';
import { workspaces } from './workspaces';

export const productCustomFields = pgTable(
  'product_custom_fields',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    defaultValue: text('default_value').notNull().default(''),
  },
  (t) => [uniqueIndex('product_custom_fields_product_name').on(t.productId, t.name)],
);
