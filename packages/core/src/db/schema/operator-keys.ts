import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type OperatorKeyScope = 'read' | 'admin';

/**
 * Named admin API keys. Only the SHA-256 of the key is kept: the key has 256 random bits, so a
 * fast hash is enough (no salt or stretching needed, unlike a password).
 */
export const operatorKeys = pgTable('operator_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  scope: text('scope').$type<OperatorKeyScope>().notNull(),
  keyHash: text('key_hash').notNull().unique(),
  /** The first characters of the key, so an operator can tell keys apart. */
  keyPrefix: text('key_prefix').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
