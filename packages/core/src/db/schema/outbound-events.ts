import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

/**
 * Events for vendors' webhook endpoints, written in the same transaction as the ledger change
 * (so a rolled-back write emits nothing); a poller hands pending ones to the delivery queue.
 */
export const outboundEvents = pgTable(
  'outbound_events',
  {
    /** `evt_…`: the id receivers deduplicate on; a replay re-sends it unchanged. */
    id: text('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<'pending' | 'dispatched'>().notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outbound_events_pending').on(t.createdAt).where(sql`status = 'pending'`),
    index('outbound_events_purge').on(t.createdAt).where(sql`status = 'dispatched'`),
  ],
);
