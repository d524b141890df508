import { boolean, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { licenses } from './licenses';
import { workspaces } from './workspaces';

/** People allowed to use a license of a `user` product. */
export const licenseUsers = pgTable(
  'license_users',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    isManager: boolean('is_manager').notNull().default(false),
    /** `scrypt$N$r$p$salt$hash` (base64url parts); null until the user sets a password. */
    passwordHash: text('password_hash'),
    passwordSetAt: timestamp('password_set_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.licenseId, t.email] })],
);
