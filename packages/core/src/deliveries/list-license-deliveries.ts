import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licenseDeliveries } from '../db/schema/index';
import type { LicenseDelivery } from './prepare-delivery-mail';

/** The workspace's delivery mails, newest first; only those of one license or customer when given. */
export async function listLicenseDeliveries(
  db: DbOrTx,
  input: { workspaceId: string; licenseId?: string; customerId?: string; limit?: number },
): Promise<LicenseDelivery[]> {
  const filters = [eq(licenseDeliveries.workspaceId, input.workspaceId)];
  if (input.customerId) filters.push(eq(licenseDeliveries.customerId, input.customerId));
  if (input.licenseId)
    filters.push(sql`${licenseDeliveries.licenseIds} @> ${JSON.stringify([input.licenseId])}::jsonb`);
  return db
    .select()
    .from(licenseDeliveries)
    .where(and(...filters))
    .orderBy(desc(licenseDeliveries.createdAt))
    .limit(input.limit ?? 100);
}

/** One delivery of the workspace, or undefined. */
export async function getLicenseDelivery(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<LicenseDelivery | undefined> {
  const [row] = await db
    .select()
    .from(licenseDeliveries)
    .where(and(eq(licenseDeliveries.workspaceId, workspaceId), eq(licenseDeliveries.id, id)));
  return row;
}
