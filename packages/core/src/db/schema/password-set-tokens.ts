import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { licenseDeliveries } from './license-deliveries';
import { licenses } from './licenses';
import { workspaces } from './workspaces';

/**
 * One-time links for a license user to set their password. Only the SHA-256 of the token is
 * kept, so a database dump opens nothing; `used_at` makes the link work once.
 */
export const passwordSetTokens = pgTable(
  'password_set_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    deliveryId: uuid('delivery_id').references(() => licenseDeliveries.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_set_tokens_license').on(t.licenseId, t.email)],
);
