import { and, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { customers, externalLinks, licenses } from '../db/schema/index';
import { type LicenseDetails, selectLicenses, withLicenseDetails } from '../licenses/license-details';

export interface RecordLicenses {
  /** The newest `perRecord` licenses. */
  licenses: LicenseDetails[];
  /** All of the record's licenses. */
  total: number;
}

const TYPE_IDS = { contact: '0-1', company: '0-2' } as const;

/**
 * The licenses of HubSpot contacts or companies, newest first, at most `perRecord` each, with the
 * count of all. A contact's are its customer's; a company's are those of every customer of the
 * account linked to it. A record no customer is linked to has none.
 */
export async function licensesOfHubspotRecords(
  db: DbOrTx,
  options: {
    workspaceId: string;
    objectType: 'contact' | 'company';
    recordIds: string[];
    perRecord: number;
  },
): Promise<Map<string, RecordLicenses>> {
  const { workspaceId, objectType, recordIds, perRecord } = options;
  const result = new Map<string, RecordLicenses>(recordIds.map((id) => [id, { licenses: [], total: 0 }]));
  if (recordIds.length === 0) return result;
  const links = await db
    .select({
      recordId: externalLinks.externalId,
      customerId: customers.id,
      accountId: customers.customerAccountId,
    })
    .from(externalLinks)
    .innerJoin(customers, eq(customers.id, externalLinks.entityId))
    .where(
      and(
        eq(externalLinks.workspaceId, workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        eq(externalLinks.entityKind, 'customer'),
        eq(externalLinks.externalType, TYPE_IDS[objectType]),
        inArray(externalLinks.externalId, recordIds),
        eq(customers.workspaceId, workspaceId),
      ),
    );
  for (const link of links) {
    const owner: SQL =
      objectType === 'company' && link.accountId
        ? or(eq(licenses.customerId, link.customerId), eq(licenses.customerAccountId, link.accountId))!
        : eq(licenses.customerId, link.customerId);
    const [rows, [counted]] = await Promise.all([
      selectLicenses(db, workspaceId, [owner])
        .orderBy(desc(licenses.createdAt), desc(licenses.id))
        .limit(perRecord),
      db
        .select({ n: count() })
        .from(licenses)
        .where(and(eq(licenses.workspaceId, workspaceId), owner)),
    ]);
    result.set(link.recordId, { licenses: await withLicenseDetails(db, rows), total: counted?.n ?? 0 });
  }
  return result;
}
