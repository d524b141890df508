import { and, arrayContains, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { isUuid } from '../db/is-uuid';
import { activityLog, customers, externalLinks, licenses } from '../db/schema/index';
import { InvalidInputError } from '../errors/invalid-input-error';
import { NotFoundError } from '../errors/not-found-error';

/** What an operator searches the history by; any combination, at least one. */
export interface HistoryQuery {
  customerEmail?: string;
  stripeId?: string;
  licenseId?: string;
  licenseKey?: string;
  hubspotObjectId?: string;
}

type LicenseRow = typeof licenses.$inferSelect;

/**
 * Turns a search into activity-log subjects. A license brings the Stripe objects it was bought
 * with (its history starts before it existed: the events, failures and replays of its purchase);
 * an email brings its customers and their Stripe customer ids; a HubSpot record the entity it
 * mirrors. Throws `NotFoundError` for a license key that names no license.
 */
export async function resolveHistorySubjects(options: {
  db: DbOrTx;
  workspaceId: string;
  query: HistoryQuery;
}): Promise<string[]> {
  const { db, workspaceId, query } = options;
  const subjects: string[] = [];
  const licenseRows: LicenseRow[] = [];
  const ws = (column: typeof licenses.workspaceId) => eq(column, workspaceId);

  if (query.stripeId) subjects.push(`stripe:${query.stripeId}`);
  if (query.customerEmail) {
    const email = query.customerEmail.trim().toLowerCase();
    subjects.push(`email:${email}`);
    const found = await db
      .select()
      .from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), eq(customers.email, email)));
    for (const c of found)
      subjects.push(`customer:${c.id}`, c.stripeCustomerId ? `stripe:${c.stripeCustomerId}` : '');
  }
  if (query.licenseId) {
    if (!isUuid(query.licenseId)) throw new InvalidInputError({ license_id: 'must be a UUID' });
    subjects.push(`license:${query.licenseId}`);
    licenseRows.push(
      ...(await db
        .select()
        .from(licenses)
        .where(and(ws(licenses.workspaceId), eq(licenses.id, query.licenseId)))),
    );
  }
  if (query.licenseKey) {
    const [row] = await db
      .select()
      .from(licenses)
      .where(and(ws(licenses.workspaceId), eq(licenses.licenseKey, query.licenseKey)));
    if (row) licenseRows.push(row);
    else {
      // A key that was reissued still leads to its license through the reissue entry.
      const [reissued] = await db
        .select({ subjects: activityLog.subjects })
        .from(activityLog)
        .where(
          and(
            eq(activityLog.workspaceId, workspaceId),
            eq(activityLog.kind, 'license.key_reissued'),
            arrayContains(activityLog.subjects, [`license_key:${query.licenseKey}`]),
          ),
        )
        .limit(1);
      const licenseSubject = reissued?.subjects.find((s) => s.startsWith('license:'));
      if (!licenseSubject) throw new NotFoundError('no license has this key');
      subjects.push(licenseSubject, `license_key:${query.licenseKey}`);
    }
  }
  if (query.hubspotObjectId) {
    subjects.push(`hubspot:${query.hubspotObjectId}`);
    const links = await db
      .select()
      .from(externalLinks)
      .where(
        and(
          eq(externalLinks.workspaceId, workspaceId),
          eq(externalLinks.provider, 'hubspot'),
          eq(externalLinks.externalId, query.hubspotObjectId),
        ),
      );
    for (const link of links) subjects.push(`${link.entityKind}:${link.entityId}`);
    const linkedLicenses = links.filter((l) => l.entityKind === 'license' && isUuid(l.entityId));
    if (linkedLicenses.length > 0) {
      licenseRows.push(
        ...(await db
          .select()
          .from(licenses)
          .where(
            and(ws(licenses.workspaceId), or(...linkedLicenses.map((l) => eq(licenses.id, l.entityId)))),
          )),
      );
    }
  }
  for (const license of licenseRows) subjects.push(...licenseSubjects(license));
  return [...new Set(subjects.filter((s) => s !== '' && !s.endsWith(':')))];
}

function licenseSubjects(license: LicenseRow): string[] {
  const stripeIds = [
    license.stripeCheckoutSessionId,
    license.stripePaymentIntentId,
    license.stripeInvoiceId,
    license.stripeSubscriptionId,
  ];
  return [`license:${license.id}`, ...stripeIds.filter(Boolean).map((id) => `stripe:${id}`)];
}
