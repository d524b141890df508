import { and, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { customers, externalLinks, licenses } from '../db/schema/index';
import { type LicenseDetails, selectLicenses, withLicenseDetails } from '../licenses/license-details';

export interface RecordLicenses {
  /** Whether the record is connected to one of our customers (or accounts) at all. */
  connected: boolean;
  /** The newest `perRecord` licenses. */
  licenses: LicenseDetails[];
  /** All of the record's licenses. */
  total: number;
}

const TYPE_IDS = { contact: '0-1', company: '0-2' } as const;

/**
 * The licenses of HubSpot contacts or companies, newest first, at most `perRecord` each, with the
 * count of all. A contact's are those of the customer it is connected to; a company's those of
 * the customer account it is connected to (directly, or through a company customer the sync
 * linked it to). A record connected to nothing has none.
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
  const result = new Map<string, RecordLicenses>(
    recordIds.map((id) => [id, { connected: false, licenses: [], total: 0 }]),
  );
  if (recordIds.length === 0) return result;
  const links = await db
    .select({
      recordId: externalLinks.externalId,
      kind: externalLinks.entityKind,
      entityId: externalLinks.entityId,
      accountId: customers.customerAccountId,
    })
    .from(externalLinks)
    .leftJoin(
      customers,
      // entity_id is text (it holds ids of several kinds).
      and(eq(externalLinks.entityKind, 'customer'), sql`${customers.id}::text = ${externalLinks.entityId}`),
    )
    .where(
      and(
        eq(externalLinks.workspaceId, workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        inArray(
          externalLinks.entityKind,
          objectType === 'contact' ? ['customer'] : ['customer', 'customer_account'],
        ),
        eq(externalLinks.externalType, TYPE_IDS[objectType]),
        inArray(externalLinks.externalId, recordIds),
      ),
    );
  for (const link of links) {
    const owner = ownerOf(objectType, link);
    const [rows, [counted]] = await Promise.all([
      selectLicenses(db, workspaceId, [owner])
        .orderBy(desc(licenses.createdAt), desc(licenses.id))
        .limit(perRecord),
      db
        .select({ n: count() })
        .from(licenses)
        .where(and(eq(licenses.workspaceId, workspaceId), owner)),
    ]);
    result.set(link.recordId, {
      connected: true,
      licenses: await withLicenseDetails(db, rows),
      total: counted?.n ?? 0,
    });
  }
  return result;
}

function ownerOf(
  objectType: 'contact' | 'company',
  link: { kind: string; entityId: string; accountId: string | null },
): SQL {
  if (link.kind === 'customer_account') return eq(licenses.customerAccountId, link.entityId);
  if (objectType === 'company' && link.accountId)
    return or(eq(licenses.customerId, link.entityId), eq(licenses.customerAccountId, link.accountId))!;
  return eq(licenses.customerId, link.entityId);
}
