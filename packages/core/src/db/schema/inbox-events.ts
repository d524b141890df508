import {
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

export type InboxStatus = 'pending' | 'processed' | 'ignored' | 'failed';

/** How one handler of an event last ended; `error` is kept for a failure. */
export interface HandlerOutcomeRecord {
  outcome: 'processed' | 'ignored' | 'failed';
  error?: string;
  /** ISO time the handler ended. */
  at: string;
}

/**
 * Per handler of the event (keyed by the handler's function name, e.g. `runInvoicePaid`): each
 * succeeds or fails on its own, and a retry or replay runs only those not already done.
 * Warning: the names are persisted; renaming a handler makes a pending replay run it again.
 */
export type HandlerOutcomes = Record<string, HandlerOutcomeRecord>;

/**
 * The body as received, in a text column: what was signed is what is stored (jsonb refuses a
 * `\u0000` escape and re-serialising costs time on the hot path); read back parsed.
 */
const rawJson = customType<{ data: Record<string, unknown>; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
  fromDriver: (value) => JSON.parse(value) as Record<string, unknown>,
});

/**
 * Every provider event we acknowledged, stored before the 2xx. The unique key makes a redelivery
 * land on the same row; `status` decides whether it is a duplicate (processed, ignored, in flight)
 * or a second chance (failed).
 */
export const inboxEvents = pgTable(
  'inbox_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    provider: text('provider').$type<'stripe' | 'hubspot'>().notNull(),
    externalId: text('external_id').notNull(),
    type: text('type').notNull(),
    payload: rawJson('payload').notNull(),
    status: text('status').$type<InboxStatus>().notNull().default('pending'),
    /** Bumped each time a failed event is handed to the queue again; part of the job id. */
    round: integer('round').notNull().default(0),
    lastError: text('last_error'),
    handlerOutcomes: jsonb('handler_outcomes').$type<HandlerOutcomes>().notNull().default({}),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the row was handed to the queue: the ingress sets it with the insert and clears it if
     * the enqueue fails; null rows older than `RELAY_MIN_AGE_MS` are the relay's to enqueue.
     */
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    // A workspace's event id says nothing about another workspace's: each has its own Stripe account.
    uniqueIndex('inbox_events_workspace_provider_external').on(t.workspaceId, t.provider, t.externalId),
    index('inbox_events_status_received').on(t.status, t.receivedAt),
  ],
);
