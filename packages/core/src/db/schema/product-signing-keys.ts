import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { products } from './products';
import { workspaces } from './workspaces';

/**
 * A product's Ed25519 key pair, which signs license API answers and offline license files.
 * The private key is sealed (`@licensync/core/secrets`); the public key is published.
 */
export const productSigningKeys = pgTable(
  'product_signing_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** SPKI PEM, safe to publish. */
    publicKeyPem: text('public_key_pem').notNull(),
    /** PKCS#8 PEM, sealed by the secret box. */
    privateKeySealed: text('private_key_sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('product_signing_keys_product').on(t.productId)],
);
