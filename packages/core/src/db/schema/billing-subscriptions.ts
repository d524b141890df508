import { bigint, boolean, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { workspaces } from './workspaces';

/** Our mirror of a Stripe subscription, the source of the HubSpot Subscriptions object. */
export const billingSubscriptions = pgTable(
  'billing_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    stripeSubscriptionId: text('stripe_subscription_id').notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    stripeCustomerId: text('stripe_customer_id'),
    status: text('status').notNull(),
    planName: text('plan_name'),
    priceIds: jsonb('price_ids').$type<string[]>().notNull().default([]),
    quantity: bigint('quantity', { mode: 'number' }),
    currency: text('currency'),
    amount: bigint('amount', { mode: 'number' }),
    currentPeriodStart: timestamp('current_period_start', { withTimezone: true }),
    currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
    trialEnd: timestamp('trial_end', { withTimezone: true }),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    cancelAt: timestamp('cancel_at', { withTimezone: true }),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Stripe's `created`: when the subscription was made. */
    stripeCreatedAt: timestamp('stripe_created_at', { withTimezone: true }),
    /** Stripe's `start_date`: when it started (earlier than `created` for a backdated one). */
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** How its periods are cut; see `toBillingTime` in `@licensync/mappers`. */
    billingTime: text('billing_time').$type<'anniversary' | 'calendar'>(),
    /** Live or test mode: which Stripe dashboard the subscription's link opens. */
    livemode: boolean('livemode').notNull().default(false),
    /** Stripe's `created` of the event that last wrote this row; older events do not overwrite. */
    stripeEventAt: timestamp('stripe_event_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('billing_subscriptions_stripe').on(t.workspaceId, t.stripeSubscriptionId)],
);
