import type { Db } from '@licensync/core/db';
import type { ResolvedScope } from '@licensync/core/resyncs';
import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { emptyPager, type ReconcilePager, toReconcilePage } from './reconcile-page';
import { stripeCustomerOfScope } from './stripe-customer-of-scope';

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
}): Promise<ReconcilePager> {
  const { stripe, scope, pageSize } = input;
  const customer = await stripeCustomerOfScope(input);
  if (scope.type === 'workspace' || customer !== undefined) {
    if (customer === null) return emptyPager;
    return async (startingAfter) => {
      const page = await stripe.subscriptions.list({
        status: 'all',
        limit: pageSize,
        ...(customer && { customer }),
        ...(startingAfter && { starting_after: startingAfter }),
      });
      return toReconcilePage(page, () => true);
    };
  }
  const only = await subscriptionOfRecord(input);
  return async (startingAfter) => ({
    items: only && startingAfter !== only ? [{ cursor: only, id: only }] : [],
    hasMore: false,
    last: only,
  });
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
