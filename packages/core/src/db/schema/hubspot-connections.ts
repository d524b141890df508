import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

/** HubSpot object type ids assigned to our custom objects in one portal (they differ per portal). */
export interface HubspotObjectTypeIds {
  licenses?: string;
  subscriptions?: string;
  invoices?: string;
}

export interface HubspotSyncToggles {
  licenses?: boolean;
  customers?: boolean;
  subscriptions?: boolean;
  invoices?: boolean;
}

/** A workspace's link to one HubSpot portal. */
export const hubspotConnections = pgTable(
  'hubspot_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    portalId: text('portal_id').notNull(),
    authKind: text('auth_kind').$type<'static' | 'oauth'>().notNull(),
    /** Sealed (`enc:v1:…`, see `createSecretBox`); never logged. */
    accessToken: text('access_token').notNull(),
    /** Sealed; OAuth connections only. */
    refreshToken: text('refresh_token'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    status: text('status').$type<'active' | 'disconnected' | 'error'>().notNull().default('active'),
    objectTypeIds: jsonb('object_type_ids').$type<HubspotObjectTypeIds>().notNull().default({}),
    schemaVersion: integer('schema_version').notNull().default(0),
    defaultCustomerObject: text('default_customer_object')
      .$type<'contact' | 'company'>()
      .notNull()
      .default('contact'),
    syncToggles: jsonb('sync_toggles').$type<HubspotSyncToggles>().notNull().default({}),
    enabled: boolean('enabled').notNull().default(true),
    /** Why the connection is `disconnected` or in `error` (e.g. HubSpot refused the refresh token). */
    statusReason: text('status_reason'),
    connectedAt: timestamp('connected_at', { withTimezone: true }).notNull().defaultNow(),
    lastSyncAt: timestamp('last_sync_at', { withTimezone: true }),
    /**
     * The status sweep has queued every license expiry and invoice due date up to here; the next
     * sweep looks from here to its now (`sweep-statuses` job).
     */
    statusSweptAt: timestamp('status_swept_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('hubspot_connections_workspace').on(t.workspaceId)],
);
