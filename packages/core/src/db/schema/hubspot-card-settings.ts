import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

/**
 * Which license fields one HubSpot user chose to see on a Licenses card layout (`sidebar` or
 * `table`), per portal: the gear of the card. HubSpot user ids are portal-local, hence the portal.
 */
export const hubspotCardSettings = pgTable(
  'hubspot_card_settings',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    portalId: text('portal_id').notNull(),
    hubspotUserId: text('hubspot_user_id').notNull(),
    layout: text('layout').$type<'sidebar' | 'table'>().notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.portalId, t.hubspotUserId, t.layout] })],
);
