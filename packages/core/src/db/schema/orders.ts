import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { workspaces } from './workspaces';

/**
 * Warning: persisted. The last four are orders taken by hand (admin API, HubSpot card, workflow
 * action, the Stripe app's "Create license").
 */
export type OrderSourceKind =
  | 'checkout_session'
  | 'invoice'
  | 'subscription'
  | 'admin'
  | 'hubspot'
  | 'manual'
  | 'hubspot_card'
  | 'workflow'
  | 'stripe_app';

/** One purchase: the Stripe object that paid for a set of licenses. */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    sourceKind: text('source_kind').$type<OrderSourceKind>().notNull(),
    sourceId: text('source_id').notNull(),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    stripeSubscriptionId: text('stripe_subscription_id'),
    /** The HubSpot deal the order was taken from (a workflow on a deal, or `hubspot_deal_id` metadata). */
    hubspotDealId: text('hubspot_deal_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('orders_workspace_source').on(t.workspaceId, t.sourceKind, t.sourceId)],
);
