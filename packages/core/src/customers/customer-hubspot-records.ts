import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { externalLinks } from '../db/schema/index';

export interface HubspotRecordLink {
  customerId: string;
  /** `contact` (0-1) or `company` (0-2). */
  objectType: 'contact' | 'company';
  objectId: string;
}

const OBJECT_TYPES = { '0-1': 'contact', '0-2': 'company' } as const;

/** The HubSpot contacts and companies the sync linked these customers to. */
export async function customerHubspotRecords(
  db: DbOrTx,
  workspaceId: string,
  customerIds: string[],
): Promise<HubspotRecordLink[]> {
  if (customerIds.length === 0) return [];
  const rows = await db
    .select()
    .from(externalLinks)
    .where(
      and(
        eq(externalLinks.workspaceId, workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        eq(externalLinks.entityKind, 'customer'),
        inArray(externalLinks.externalType, Object.keys(OBJECT_TYPES)),
        inArray(externalLinks.entityId, customerIds),
      ),
    );
  return rows.map((r) => ({
    customerId: r.entityId,
    objectType: OBJECT_TYPES[r.externalType as keyof typeof OBJECT_TYPES],
    objectId: r.externalId,
  }));
}
