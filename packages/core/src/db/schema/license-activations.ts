import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { licenses } from './licenses';
import { workspaces } from './workspaces';

/**
 * One machine using a license. A deactivated row is kept (history, the customer page) with
 * `deactivated_at` set; only rows without it count against `max_activations`.
 */
export const licenseActivations = pgTable(
  'license_activations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    /** The machine's fingerprint as the vendor's app computes it. */
    hardwareId: text('hardware_id').notNull(),
    /** For `user` products: the license user who activated this machine. */
    userEmail: text('user_email'),
    appVersion: text('app_version'),
    os: text('os'),
    activatedAt: timestamp('activated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Written behind (batched) by the check endpoint; may lag a few seconds. */
    lastCheckAt: timestamp('last_check_at', { withTimezone: true }),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  },
  (t) => [
    // One live seat per machine: activating again on the same machine is the same activation.
    uniqueIndex('license_activations_one_live')
      .on(t.licenseId, t.hardwareId)
      .where(sql`deactivated_at is null`),
    index('license_activations_workspace_license').on(t.workspaceId, t.licenseId),
  ],
);
