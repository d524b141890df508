import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

/**
 * Associations we created in HubSpot (one row per direction we asked for), so a record that is
 * updated again costs no association call; only pairs missing here are sent.
 */
export const hubspotAssociations = pgTable(
  'hubspot_associations',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    portalId: text('portal_id').notNull(),
    fromType: text('from_type').notNull(),
    fromId: text('from_id').notNull(),
    toType: text('to_type').notNull(),
    toId: text('to_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.portalId, t.fromType, t.fromId, t.toType, t.toId] })],
);
