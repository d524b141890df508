import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { externalLinks } from '../db/schema/index';

/** The HubSpot records the sync wrote for a license: its object type id and record id. */
export async function licenseHubspotRecords(
  db: DbOrTx,
  workspaceId: string,
  licenseId: string,
): Promise<{ objectTypeId: string; objectId: string }[]> {
  const rows = await db
    .select({ objectTypeId: externalLinks.externalType, objectId: externalLinks.externalId })
    .from(externalLinks)
    .where(
      and(
        eq(externalLinks.workspaceId, workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        eq(externalLinks.entityKind, 'license'),
        eq(externalLinks.entityId, licenseId),
      ),
    );
  return rows;
}
