import * as schema from '@licensync/core/schema';
import { toHubspotInvoiceProperties, toHubspotSubscriptionProperties } from '@licensync/mappers';
import { and, eq, inArray } from 'drizzle-orm';
import type { CustomObjectRecord } from './custom-object-record';
import type { SyncContext } from './sync-context';

const { billingInvoices, billingSubscriptions, customers } = schema;

/** Our Stripe subscription mirrors, mapped for HubSpot. */
export async function loadSubscriptionRecords(
  ctx: SyncContext,
  ids: string[],
): Promise<CustomObjectRecord[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({ sub: billingSubscriptions, email: customers.email })
    .from(billingSubscriptions)
    .leftJoin(customers, eq(customers.id, billingSubscriptions.customerId))
    .where(and(eq(billingSubscriptions.workspaceId, ctx.workspaceId), inArray(billingSubscriptions.id, ids)));
  return rows.map(({ sub, email }) => ({
    id: sub.id,
    customerId: sub.customerId,
    properties: toHubspotSubscriptionProperties({ ...sub, customerEmail: email }),
  }));
}

/** Our Stripe invoice mirrors, mapped for HubSpot. */
export async function loadInvoiceRecords(ctx: SyncContext, ids: string[]): Promise<CustomObjectRecord[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({ inv: billingInvoices, email: customers.email })
    .from(billingInvoices)
    .leftJoin(customers, eq(customers.id, billingInvoices.customerId))
    .where(and(eq(billingInvoices.workspaceId, ctx.workspaceId), inArray(billingInvoices.id, ids)));
  const now = ctx.now();
  return rows.map(({ inv, email }) => ({
    id: inv.id,
    customerId: inv.customerId,
    properties: toHubspotInvoiceProperties({ ...inv, customerEmail: email }, { now }),
  }));
}
