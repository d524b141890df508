import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customerAccounts } from './customer-accounts';
import { workspaces } from './workspaces';

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    email: text('email').notNull(),
    name: text('name'),
    /**
     * Which HubSpot record the customer is: `individual` → a contact, `company` → a company, null
     * (undefined) → the workspace's `hubspotDefaultObject`.
     */
    customerType: text('customer_type').$type<'individual' | 'company'>(),
    customerAccountId: uuid('customer_account_id').references(() => customerAccounts.id),
    stripeCustomerId: text('stripe_customer_id'),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    /** Stripe's `created` of the event that last wrote this row; older events do not overwrite. */
    stripeEventAt: timestamp('stripe_event_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customers_workspace_stripe_customer').on(t.workspaceId, t.stripeCustomerId),
    index('customers_workspace_email').on(t.workspaceId, t.email),
  ],
);
