import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Per-workspace behaviour switches; absent keys take the defaults in `workspaceSettings()`. */
export interface WorkspaceSettings {
  /**
   * What a partial refund does to the payment's licenses: `disable` (the default, as for a full
   * refund) or `none` (it is only recorded).
   */
  partialRefundAction?: 'none' | 'disable';
  /** Disable the payment's licenses when a dispute is opened. */
  disableOnDispute?: boolean;
  /** Cron (UTC) of this workspace's scheduled resyncs; `RESYNC_CRON` when absent. */
  resyncCron?: string;
  /**
   * What `pause_collection` on a subscription does to its licenses. Stripe keeps such a
   * subscription `active`, so by default they keep working.
   */
  pauseCollectionAction?: 'keep_working' | 'disable';
  /** The HubSpot object a customer of undefined type becomes. */
  hubspotDefaultObject?: 'contact' | 'company';
  /**
   * Mail customers their keys when licenses are created (the default). Off for vendors who
   * deliver keys in their own app.
   */
  deliverLicenses?: boolean;
}

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<WorkspaceSettings>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
