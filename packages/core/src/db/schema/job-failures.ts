import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

export interface AttemptError {
  attempt: number;
  at: string;
  message: string;
}

/**
 * Jobs that failed for good, kept in Postgres so they survive Redis restarts and BullMQ's
 * retention, and can be replayed once the cause is fixed.
 */
export const jobFailures = pgTable(
  'job_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id').references(() => workspaces.id),
    queue: text('queue').notNull(),
    jobName: text('job_name').notNull(),
    jobId: text('job_id').notNull(),
    inboxEventId: bigint('inbox_event_id', { mode: 'number' }),
    eventId: text('event_id'),
    eventType: text('event_type'),
    attempts: integer('attempts').notNull(),
    firstError: text('first_error').notNull(),
    lastError: text('last_error').notNull(),
    errors: jsonb('errors').$type<AttemptError[]>().notNull().default([]),
    payload: jsonb('payload').$type<unknown>(),
    status: text('status')
      .$type<'failed' | 'replayed' | 'discarded' | 'resolved'>()
      .notNull()
      .default('failed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('job_failures_status_created').on(t.status, t.createdAt),
    index('job_failures_queue').on(t.queue),
  ],
);
