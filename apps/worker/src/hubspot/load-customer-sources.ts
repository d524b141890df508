import * as schema from '@licensync/core/schema';
import {
  type CustomerHubspotObject,
  customerHubspotObject,
  type HubspotCustomerSource,
} from '@licensync/mappers';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SyncContext } from './sync-context';

const { customers, customerAccounts, workspaces } = schema;

export interface CustomerRow {
  source: HubspotCustomerSource;
  /** The record the customer is in HubSpot (its type, else the workspace's default object). */
  hubspotObject: CustomerHubspotObject;
  /** Stripe metadata; `hubspot_contact_id` / `hubspot_company_id` link a record explicitly. */
  metadata: Record<string, string>;
}

/**
 * Customers with their account, as the mappers read them; oldest first, so that of two customers
 * sharing a HubSpot record in one batch the older one writes it (see `syncCustomers`).
 */
export async function loadCustomerSources(ctx: SyncContext, ids: string[]): Promise<CustomerRow[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({ customer: customers, account: customerAccounts })
    .from(customers)
    .leftJoin(customerAccounts, eq(customerAccounts.id, customers.customerAccountId))
    .where(and(eq(customers.workspaceId, ctx.workspaceId), inArray(customers.id, ids)))
    .orderBy(asc(customers.createdAt), asc(customers.id));
  // The workspace's setting (admin API) wins over the connection's column it came from.
  const [workspace] = await ctx.db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.workspaceId));
  const defaultObject = workspace?.settings.hubspotDefaultObject ?? ctx.connection.defaultCustomerObject;
  return rows.map(({ customer: c, account: a }) => {
    const meta = c.metadata ?? {};
    const hubspotObject = customerHubspotObject(c.customerType, defaultObject);
    const isCompany = hubspotObject === 'company';
    return {
      hubspotObject,
      metadata: meta,
      source: {
        id: c.id,
        email: c.email,
        name: c.name,
        stripeCustomerId: c.stripeCustomerId,
        taxId: a?.taxId ?? meta.tax_id ?? null,
        // A company customer always has a company to be, named after itself when nothing else says.
        companyName: a?.name ?? meta.company ?? (isCompany ? (c.name ?? c.email) : null),
        domain: a?.domain ?? meta.domain ?? null,
      },
    };
  });
}
