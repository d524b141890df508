import { integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { products } from './products';
import { workspaces } from './workspaces';

export const productFeatures = pgTable(
  'product_features',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    featureType: text('feature_type').$type<'activation' | 'consumption'>().notNull().default('activation'),
    maxConsumption: integer('max_consumption'),
  },
  (t) => [uniqueIndex('product_features_product_code').on(t.productId, t.code)],
);
