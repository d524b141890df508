import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { products } from './products';
import { workspaces } from './workspaces';

export type LicenseType = 'perpetual' | 'time-limited' | 'subscription' | 'consumption';

export const licensePolicies = pgTable(
  'license_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    licenseType: text('license_type').$type<LicenseType>().notNull(),
    /** `N` + `d|w|m|y`; null for perpetual licenses. */
    validDuration: text('valid_duration'),
    maxActivations: integer('max_activations').notNull().default(1),
    /** Max simultaneous users of a floating cloud license; null = not floating. */
    floatingCloud: integer('floating_cloud'),
    /** Minutes a floating lease lives without a heartbeat. */
    floatingTimeoutMinutes: integer('floating_timeout_minutes').notNull().default(30),
    /** Consumption licenses: the total allowed per period; null = unlimited. */
    maxConsumptions: integer('max_consumptions'),
    allowOverages: boolean('allow_overages').notNull().default(false),
    /** How far past `max_consumptions` overages may go; null = without limit when allowed. */
    maxOverages: integer('max_overages'),
    maintenanceEnabled: boolean('maintenance_enabled').notNull().default(false),
    maintenanceDuration: text('maintenance_duration'),
    maxLicenseUsers: integer('max_license_users'),
    isTrial: boolean('is_trial').notNull().default(false),
    isDefault: boolean('is_default').notNull().default(false),
    /** Feature codes granted by this policy (codes of `product_features`). */
    features: jsonb('features').$type<string[]>().notNull().default([]),
    customFieldValues: jsonb('custom_field_values').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('license_policies_product_code').on(t.productId, t.code)],
);
