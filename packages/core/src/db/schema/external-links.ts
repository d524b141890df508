import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

/** Our entity ↔ an id in Stripe or HubSpot (e.g. customer ↔ cus_123, license ↔ HubSpot record 987). */
export const externalLinks = pgTable(
  'external_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    entityKind: text('entity_kind').notNull(),
    entityId: text('entity_id').notNull(),
    provider: text('provider').$type<'stripe' | 'hubspot'>().notNull(),
    /** Provider object type, e.g. `customer`, `0-1`, `2-1234567`. */
    externalType: text('external_type').notNull(),
    externalId: text('external_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('external_links_external').on(t.workspaceId, t.provider, t.externalType, t.externalId),
    uniqueIndex('external_links_entity').on(
      t.workspaceId,
      t.entityKind,
      t.entityId,
      t.provider,
      t.externalType,
    ),
  ],
);
