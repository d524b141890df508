import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { resyncRuns } from './resync-runs';
import { workspaces } from './workspaces';

export type SyncObjectKind = 'license' | 'customer' | 'subscription' | 'invoice';

/**
 * Intents to write a record to an external system, inserted in the same transaction as the change.
 * At most one pending intent per record: later changes coalesce into it.
 */
export const syncOutbox = pgTable(
  'sync_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    target: text('target').$type<'hubspot'>().notNull().default('hubspot'),
    objectKind: text('object_kind').$type<SyncObjectKind>().notNull(),
    objectId: text('object_id').notNull(),
    status: text('status').$type<'pending' | 'processing' | 'done' | 'failed'>().notNull().default('pending'),
    /** Claimed lowest first: 0 = a live change, 1 = bulk work (resyncs, replays). */
    priority: smallint('priority').notNull().default(0),
    /** The hubspot-resync that wrote (or last touched) this intent; it finishes once they settle. */
    resyncRunId: uuid('resync_run_id').references(() => resyncRuns.id),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Not before this time; while `processing`, when the claim's lease runs out. */
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sync_outbox_one_pending')
      .on(t.workspaceId, t.target, t.objectKind, t.objectId)
      .where(sql`status = 'pending'`),
    // The claim walks this in its order (priority, id) and filters `available_at` on the way.
    index('sync_outbox_claim')
      .on(t.workspaceId, t.target, t.objectKind, t.priority, t.id)
      .where(sql`status = 'pending'`),
    index('sync_outbox_lease').on(t.availableAt).where(sql`status = 'processing'`),
    index('sync_outbox_purge').on(t.processedAt).where(sql`status = 'done'`),
    index('sync_outbox_resync_run').on(t.resyncRunId, t.status).where(sql`resync_run_id is not null`),
  ],
);
