import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customerAccounts } from './customer-accounts';
import { customers } from './customers';
import type { LicenseType } from './license-policies';
import { licensePolicies } from './license-policies';
import { orders } from './orders';
import { products } from './products';
import { workspaces } from './workspaces';

export const licenses = pgTable(
  'licenses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /**
     * Natural key of a license created from a purchase: `kind:sourceId:lineItemId:unitIndex`.
     * Replays and redeliveries hit this unique key instead of creating a second set.
     */
    sourceKey: text('source_key').notNull(),
    orderId: uuid('order_id').references(() => orders.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    customerAccountId: uuid('customer_account_id').references(() => customerAccounts.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    policyId: uuid('policy_id').references(() => licensePolicies.id),
    /** The bundle license this one was created with, when bought as part of a bundle. */
    bundleLicenseId: uuid('bundle_license_id'),
    licenseKey: text('license_key'),
    licenseType: text('license_type').$type<LicenseType>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    isTrial: boolean('is_trial').notNull().default(false),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    maintenanceUntil: timestamp('maintenance_until', { withTimezone: true }),
    maxActivations: integer('max_activations').notNull().default(1),
    floatingCloud: integer('floating_cloud'),
    maxLicenseUsers: integer('max_license_users'),
    isLicenseManager: boolean('is_license_manager').notNull().default(false),
    /** Minutes a floating lease lives without a heartbeat; null = the policy's (else 30). */
    floatingTimeoutMinutes: integer('floating_timeout_minutes'),
    /** Consumption limit per period; null = the policy's (else unlimited). */
    maxConsumptions: integer('max_consumptions'),
    /** null = the policy's (else false). */
    allowOverages: boolean('allow_overages'),
    /** null = the policy's (else without limit when overages are allowed). */
    maxOverages: integer('max_overages'),
    /** Live activations (machines), kept in the activation's transaction; synced to HubSpot. */
    activationsInUse: integer('activations_in_use').notNull().default(0),
    /** The latest check of any of its activations, written behind; synced to HubSpot. */
    lastCheckAt: timestamp('last_check_at', { withTimezone: true }),
    consumptionTotal: bigint('consumption_total', { mode: 'number' }).notNull().default(0),
    consumptionResetAt: timestamp('consumption_reset_at', { withTimezone: true }),
    stripeCheckoutSessionId: text('stripe_checkout_session_id'),
    stripeInvoiceId: text('stripe_invoice_id'),
    stripeSubscriptionId: text('stripe_subscription_id'),
    stripeSubscriptionItemId: text('stripe_subscription_item_id'),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    stripePriceId: text('stripe_price_id'),
    /** Unit index inside its line item; quantity decreases disable the highest first. */
    unitIndex: integer('unit_index').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('licenses_workspace_source_key').on(t.workspaceId, t.sourceKey),
    uniqueIndex('licenses_license_key').on(t.licenseKey),
    index('licenses_workspace_subscription').on(t.workspaceId, t.stripeSubscriptionId),
    index('licenses_workspace_payment_intent').on(t.workspaceId, t.stripePaymentIntentId),
    index('licenses_workspace_customer').on(t.workspaceId, t.customerId),
  ],
);
