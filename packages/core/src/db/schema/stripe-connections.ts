import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

/**
 * A workspace's Stripe account: its secret or restricted key and the signing secret of its webhook
 * endpoint, both sealed (`enc:v1:…`). Test and live mode are two workspaces, each with its own row.
 */
export const stripeConnections = pgTable(
  'stripe_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** Null when only a signing secret was given (the process-wide STRIPE_API_KEY reads Stripe). */
    apiKey: text('api_key'),
    accountId: text('account_id'),
    livemode: boolean('livemode'),
    webhookSecret: text('webhook_secret'),
    webhookEndpointId: text('webhook_endpoint_id'),
    status: text('status').$type<'connected' | 'error'>().notNull().default('connected'),
    lastError: text('last_error'),
    connectedAt: timestamp('connected_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('stripe_connections_workspace').on(t.workspaceId)],
);
