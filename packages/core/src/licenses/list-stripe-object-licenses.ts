import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customers, licenses } from '../db/schema/index';
import type { LicenseDetails } from './license-details';
import { type LicenseFilters, listLicenses } from './list-licenses';

/** The Stripe objects whose dashboard pages show licenses. */
export type StripeObjectKind =
  | 'subscription'
  | 'payment_intent'
  | 'invoice'
  | 'checkout_session'
  | 'customer';

const FILTER: Record<StripeObjectKind, keyof LicenseFilters> = {
  subscription: 'stripeSubscriptionId',
  payment_intent: 'stripePaymentIntentId',
  invoice: 'stripeInvoiceId',
  checkout_session: 'stripeCheckoutSessionId',
  customer: 'stripeCustomerId',
};

/**
 * Every license of the workspace that a Stripe object paid for or owns: a subscription's, a
 * payment's, an invoice's, a checkout's (also those with no payment intent), or all of a
 * customer's, wherever they came from. Null when another workspace's ledger holds the object:
 * Stripe ids are unique across accounts, so the object is another account's (answered as not
 * found, as Stripe answers another account's object), not an object with no licenses.
 */
export async function listStripeObjectLicenses(options: {
  db: Db;
  workspaceId: string;
  kind: StripeObjectKind;
  stripeId: string;
  limit: number;
  startingAfter?: string;
}): Promise<{ data: LicenseDetails[]; hasMore: boolean } | null> {
  const { db, workspaceId, kind, stripeId } = options;
  const page = await listLicenses({
    db,
    workspaceId,
    filters: { [FILTER[kind]]: stripeId },
    limit: options.limit,
    startingAfter: options.startingAfter,
  });
  if (page.data.length > 0 || options.startingAfter !== undefined) return page;
  return (await heldElsewhere(db, workspaceId, kind, stripeId)) ? null : page;
}

async function heldElsewhere(db: Db, workspaceId: string, kind: StripeObjectKind, id: string) {
  const other = ne(licenses.workspaceId, workspaceId);
  const rows =
    kind === 'customer'
      ? await db
          .select({ id: customers.id })
          .from(customers)
          .where(and(ne(customers.workspaceId, workspaceId), eq(customers.stripeCustomerId, id)))
          .limit(1)
      : await db
          .select({ id: licenses.id })
          .from(licenses)
          .where(and(other, eq(licenses[COLUMN[kind]], id)))
          .limit(1);
  return rows.length > 0;
}

const COLUMN = {
  subscription: 'stripeSubscriptionId',
  payment_intent: 'stripePaymentIntentId',
  invoice: 'stripeInvoiceId',
  checkout_session: 'stripeCheckoutSessionId',
} as const;
