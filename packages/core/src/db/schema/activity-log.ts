import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

/**
 * The searchable history of everything that touched an entity: events received, jobs run,
 * external calls, replays. `subjects` holds every id the entry is about, prefixed by kind
 * (`stripe:cus_1`, `license:<uuid>`, `email:a@b.c`, `hubspot:123`), searched with a GIN index.
 */
export const activityLog = pgTable(
  'activity_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id').references(() => workspaces.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    subjects: text('subjects').array().notNull(),
    outcome: text('outcome').$type<'ok' | 'error' | 'skipped'>().notNull(),
    message: text('message'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    /** Who acted for an operator's action: `admin-token` or `key:<name>`; null for system work. */
    actor: text('actor'),
  },
  (t) => [index('activity_log_subjects').using('gin', t.subjects), index('activity_log_at').on(t.at)],
);
