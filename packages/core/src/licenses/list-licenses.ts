import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { customers, licenses, products } from '../db/schema/index';
import { InvalidInputError } from '../errors/invalid-input-error';
import { isLicenseId } from './get-license';
import { type LicenseDetails, selectLicenses, withLicenseDetails } from './license-details';

export interface LicenseFilters {
  customerEmail?: string;
  stripeSubscriptionId?: string;
  stripePaymentIntentId?: string;
  stripeInvoiceId?: string;
  stripeCheckoutSessionId?: string;
  /** The Stripe customer of the license's customer, wherever the license came from. */
  stripeCustomerId?: string;
  status?: 'enabled' | 'disabled';
  /** Product short code. */
  product?: string;
  customerId?: string;
  customerAccountId?: string;
}

/**
 * The workspace's licenses, newest first, a page at a time: pass the last id of a page as
 * `startingAfter` for the next (Stripe's list convention). `limit` is 1–100.
 */
export async function listLicenses(options: {
  db: DbOrTx;
  workspaceId: string;
  filters: LicenseFilters;
  limit: number;
  startingAfter?: string;
}): Promise<{ data: LicenseDetails[]; hasMore: boolean }> {
  const { db, workspaceId, filters, limit, startingAfter } = options;
  if (startingAfter !== undefined && !(await exists(db, workspaceId, startingAfter))) {
    throw new InvalidInputError({ starting_after: `unknown license ${startingAfter}` });
  }
  const rows = await selectLicenses(db, workspaceId, [
    // Customers are stored with lower-cased emails (see findOrCreateCustomer).
    filters.customerEmail !== undefined
      ? eq(customers.email, filters.customerEmail.trim().toLowerCase())
      : undefined,
    filters.stripeSubscriptionId !== undefined
      ? eq(licenses.stripeSubscriptionId, filters.stripeSubscriptionId)
      : undefined,
    filters.stripePaymentIntentId !== undefined
      ? eq(licenses.stripePaymentIntentId, filters.stripePaymentIntentId)
      : undefined,
    filters.stripeInvoiceId !== undefined ? eq(licenses.stripeInvoiceId, filters.stripeInvoiceId) : undefined,
    filters.stripeCheckoutSessionId !== undefined
      ? eq(licenses.stripeCheckoutSessionId, filters.stripeCheckoutSessionId)
      : undefined,
    filters.stripeCustomerId !== undefined
      ? eq(customers.stripeCustomerId, filters.stripeCustomerId)
      : undefined,
    filters.status !== undefined ? eq(licenses.enabled, filters.status === 'enabled') : undefined,
    filters.product !== undefined ? eq(products.shortCode, filters.product) : undefined,
    filters.customerId !== undefined ? eq(licenses.customerId, filters.customerId) : undefined,
    filters.customerAccountId !== undefined
      ? eq(licenses.customerAccountId, filters.customerAccountId)
      : undefined,
    // Compared in SQL: created_at has microseconds, which a JS Date would round away.
    startingAfter !== undefined
      ? sql`(${licenses.createdAt}, ${licenses.id}) < (select l.created_at, l.id from licenses l where l.id = ${startingAfter})`
      : undefined,
  ])
    .orderBy(desc(licenses.createdAt), desc(licenses.id))
    .limit(limit + 1);
  return { data: await withLicenseDetails(db, rows.slice(0, limit)), hasMore: rows.length > limit };
}

async function exists(db: DbOrTx, workspaceId: string, id: string): Promise<boolean> {
  if (!isLicenseId(id)) return false;
  const rows = await selectLicenses(db, workspaceId, [eq(licenses.id, id)]).limit(1);
  return rows.length > 0;
}
