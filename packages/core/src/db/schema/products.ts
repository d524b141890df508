import { boolean, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    shortCode: text('short_code').notNull(),
    name: text('name').notNull(),
    /** `license-key` licenses carry a key; `user` licenses carry license users. */
    authorizationMethod: text('authorization_method').$type<'license-key' | 'user'>().notNull(),
    isBundle: boolean('is_bundle').notNull().default(false),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('products_workspace_short_code').on(t.workspaceId, t.shortCode)],
);
