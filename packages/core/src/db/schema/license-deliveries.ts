import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { orders } from './orders';
import { workspaces } from './workspaces';

/**
 * Why a delivery exists: licenses were created, an operator asked for the mail again, or a
 * license manager added a user (who is invited to set a password).
 */
export type LicenseDeliveryReason = 'created' | 'resend' | 'user_added';
/** `failed`: the mail server refused it for good, or the retries ran out (a resend makes a new row). */
export type LicenseDeliveryStatus = 'pending' | 'dispatched' | 'sent' | 'skipped' | 'failed';

/**
 * One email to a customer with the keys of some of their licenses. Written in the transaction
 * that creates the licenses (a rolled-back order mails nothing); a poller hands pending rows to the
 * `license-deliveries` queue, and the job marks the row `sent` (a retry after that sends nothing).
 */
export const licenseDeliveries = pgTable(
  'license_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    orderId: uuid('order_id').references(() => orders.id),
    /** The customer, or a license user invited to set a password (their mail has their licenses only). */
    recipient: text('recipient').notNull(),
    licenseIds: jsonb('license_ids').$type<string[]>().notNull(),
    reason: text('reason').$type<LicenseDeliveryReason>().notNull(),
    /** Who caused it: `system` for provisioning, the operator for a resend. */
    actor: text('actor').notNull(),
    status: text('status').$type<LicenseDeliveryStatus>().notNull().default('pending'),
    /** Sending attempts so far (BullMQ retries included). */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The SMTP server's Message-ID, to find the mail in its logs. */
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('license_deliveries_pending').on(t.createdAt).where(sql`status = 'pending'`),
    index('license_deliveries_customer').on(t.workspaceId, t.customerId),
  ],
);
