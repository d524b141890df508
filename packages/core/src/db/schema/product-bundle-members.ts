import { pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { products } from './products';
import { workspaces } from './workspaces';

/** A bundle product's member products: buying the bundle licenses each member too. */
export const productBundleMembers = pgTable(
  'product_bundle_members',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    bundleProductId: uuid('bundle_product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    memberProductId: uuid('member_product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.bundleProductId, t.memberProductId] })],
);
