import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { licenses } from './licenses';
import { workspaces } from './workspaces';

/**
 * A floating seat held by one machine until `expires_at`. An expired row holds nothing: every
 * count filters on `expires_at > now()`, and the next borrow on the machine overwrites it.
 */
export const floatingLeases = pgTable(
  'floating_leases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    hardwareId: text('hardware_id').notNull(),
    borrowedAt: timestamp('borrowed_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('floating_leases_license_hardware').on(t.licenseId, t.hardwareId),
    index('floating_leases_license_expiry').on(t.licenseId, t.expiresAt),
  ],
);
