import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { licenses, workspaces } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { UnprocessableError } from '../errors/unprocessable-error';
import { recordLicenseDeliveries } from './record-license-deliveries';

/**
 * Queues the delivery mails of licenses again (to the customer, and invitations to their other
 * users), as asked by an operator. All licenses must belong to one customer of the workspace; a
 * workspace with delivery off refuses, since its vendor delivers keys itself.
 */
export async function resendLicenseDelivery(
  db: Db,
  input: { workspaceId: string; licenseIds: string[]; actor: string },
): Promise<{ deliveryIds: string[]; customerId: string }> {
  const { workspaceId } = input;
  const ids = [...new Set(input.licenseIds)];
  return db.transaction(async (tx) => {
    const [workspace] = await tx
      .select({ settings: workspaces.settings })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    if (workspace?.settings.deliverLicenses === false) {
      throw new UnprocessableError(
        'deliver_licenses',
        'license delivery is off for this workspace (setting deliver_licenses)',
      );
    }
    const rows = await tx
      .select({ id: licenses.id, customerId: licenses.customerId, orderId: licenses.orderId })
      .from(licenses)
      .where(and(eq(licenses.workspaceId, workspaceId), inArray(licenses.id, ids)));
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length > 0) throw new NotFoundError(`license ${missing[0]} not found`);
    const customerIds = new Set(rows.map((r) => r.customerId));
    if (customerIds.size !== 1) {
      throw new UnprocessableError(
        'license_ids',
        'the licenses belong to different customers; resend them one customer at a time',
      );
    }
    const customerId = rows[0]!.customerId;
    const orderIds = new Set(rows.map((r) => r.orderId));
    const deliveryIds = await recordLicenseDeliveries(tx, {
      workspaceId,
      customerId,
      orderId: orderIds.size === 1 ? (rows[0]!.orderId ?? null) : null,
      licenseIds: ids,
      reason: 'resend',
      actor: input.actor,
    });
    return { deliveryIds, customerId };
  });
}
