import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { licenses } from './licenses';
import { workspaces } from './workspaces';

export const licenseCustomFields = pgTable(
  'license_custom_fields',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.licenseId, t.name] })],
);
