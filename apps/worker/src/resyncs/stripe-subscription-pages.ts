import { type Db, type ResolvedScope, schema } from '@licensync/core';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';

export interface SubscriptionPage {
  ids: string[];
  hasMore: boolean;
}

/** Fetches the page of subscription ids after a cursor (a subscription id, or null for the first). */
export type SubscriptionPager = (startingAfter: string | null) => Promise<SubscriptionPage>;

/**
 * Where a stripe-reconcile finds its subscriptions: Stripe's list (every status, so ended ones
 * disable what they still license) for a workspace or customer, or the one subscription a single
 * HubSpot-linked record belongs to.
 */
export async function stripeSubscriptionPages(input: {
  db: Db;
  stripe: Stripe;
  workspaceId: string;
  scope: ResolvedScope;
  pageSize: number;
}): Promise<SubscriptionPager> {
  const { stripe, scope, pageSize } = input;
  const customer = await stripeCustomerOf(input);
  if (scope.type === 'workspace' || customer !== undefined) {
    if (customer === null) return async () => ({ ids: [], hasMore: false });
    return async (startingAfter) => {
      const page = await stripe.subscriptions.list({
        status: 'all',
        limit: pageSize,
        ...(customer && { customer }),
        ...(startingAfter && { starting_after: startingAfter }),
      });
      return { ids: page.data.map((s) => s.id), hasMore: page.has_more };
    };
  }
  const only = await subscriptionOfRecord(input);
  return async (startingAfter) => ({ ids: only && startingAfter !== only ? [only] : [], hasMore: false });
}

/** The Stripe customer a customer scope (or a customer record) names; undefined for other scopes. */
async function stripeCustomerOf(input: {
  db: Db;
  workspaceId: string;
  scope: ResolvedScope;
}): Promise<string | null | undefined> {
  const { scope } = input;
  if (scope.type === 'customer') return scope.stripeCustomerId;
  if (scope.type !== 'record' || scope.kind !== 'customer') return undefined;
  const { customers } = schema;
  const [row] = await input.db
    .select({ id: customers.stripeCustomerId })
    .from(customers)
    .where(and(eq(customers.workspaceId, input.workspaceId), eq(customers.id, scope.id)));
  return row?.id ?? null;
}

async function subscriptionOfRecord(input: {
  db: Db;
  workspaceId: string;
  scope: ResolvedScope;
}): Promise<string | null> {
  const { db, workspaceId, scope } = input;
  if (scope.type !== 'record') return null;
  const { licenses, billingSubscriptions, billingInvoices } = schema;
  const table = { license: licenses, subscription: billingSubscriptions, invoice: billingInvoices }[
    scope.kind as 'license' | 'subscription' | 'invoice'
  ];
  const [row] = await db
    .select({ id: table.stripeSubscriptionId })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), eq(table.id, scope.id)));
  return row?.id ?? null;
}
