import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { isUuid } from '../db/is-uuid';
import { customers, externalLinks, licenses } from '../db/schema/index';
import { type LicenseDetails, selectLicenses, withLicenseDetails } from './license-details';

/**
 * Licenses whose key, id, customer (id, email, Stripe customer id), Stripe object (checkout session,
 * invoice, subscription, item, payment intent, price) or linked HubSpot record is exactly `query`:
 * what an operator pastes from a support ticket, Stripe or HubSpot. Newest first.
 */
export async function searchLicenses(options: {
  db: DbOrTx;
  workspaceId: string;
  query: string;
  /** 1–100. */
  limit: number;
}): Promise<LicenseDetails[]> {
  const { db, workspaceId, limit } = options;
  const q = options.query.trim();
  if (q === '') return [];
  const linked = db
    .select({ id: externalLinks.entityId })
    .from(externalLinks)
    .where(
      and(
        eq(externalLinks.workspaceId, workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        eq(externalLinks.entityKind, 'license'),
        eq(externalLinks.externalId, q),
      ),
    );
  const linkedCustomers = db
    .select({ id: externalLinks.entityId })
    .from(externalLinks)
    .where(
      and(
        eq(externalLinks.workspaceId, workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        eq(externalLinks.entityKind, 'customer'),
        eq(externalLinks.externalId, q),
      ),
    );
  const matches: SQL[] = [
    eq(licenses.licenseKey, q),
    eq(customers.email, q.toLowerCase()),
    eq(customers.stripeCustomerId, q),
    eq(licenses.stripeCheckoutSessionId, q),
    eq(licenses.stripeInvoiceId, q),
    eq(licenses.stripeSubscriptionId, q),
    eq(licenses.stripeSubscriptionItemId, q),
    eq(licenses.stripePaymentIntentId, q),
    eq(licenses.stripePriceId, q),
    // external_links.entity_id is text: it also holds ids that are not uuids.
    inArray(sql`${licenses.id}::text`, linked),
    inArray(sql`${customers.id}::text`, linkedCustomers),
  ];
  if (isUuid(q)) matches.push(eq(licenses.id, q), eq(licenses.customerId, q));
  const rows = await selectLicenses(db, workspaceId, [or(...matches)])
    .orderBy(desc(licenses.createdAt), desc(licenses.id))
    .limit(limit);
  return withLicenseDetails(db, rows);
}
