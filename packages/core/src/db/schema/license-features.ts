import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { licenses } from './licenses';
import { workspaces } from './workspaces';

export const licenseFeatures = pgTable(
  'license_features',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    maxConsumption: integer('max_consumption'),
  },
  (t) => [primaryKey({ columns: [t.licenseId, t.code] })],
);
