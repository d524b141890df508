import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

/** One bulk resync; `checkpoint` lets a restarted worker resume where the last page ended. */
export const resyncRuns = pgTable(
  'resync_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    kind: text('kind').$type<'stripe-reconcile' | 'hubspot-resync'>().notNull(),
    /** `workspace`, `customer:<id>` or `hubspot:<objectType>:<id>`. */
    scope: text('scope').notNull(),
    status: text('status').$type<'queued' | 'running' | 'succeeded' | 'failed'>().notNull().default('queued'),
    total: integer('total'),
    done: integer('done').notNull().default(0),
    checkpoint: jsonb('checkpoint').$type<Record<string, unknown>>(),
    failedSlices: jsonb('failed_slices').$type<{ slice: string; error: string }[]>().notNull().default([]),
    report: jsonb('report').$type<Record<string, unknown>>(),
    requestedBy: text('requested_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('resync_runs_one_active')
      .on(t.workspaceId, t.kind, t.scope)
      .where(sql`status in ('queued', 'running')`),
  ],
);
