import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  customers,
  type LicenseDeliveryReason,
  licenseDeliveries,
  licenseUsers,
  workspaces,
} from '../db/schema/index';

/**
 * Records the mails new licenses call for, in the caller's transaction (like `emitOutboundEvent`):
 * one to the customer with all their keys, and one invitation per other license user with the
 * licenses they may use. Nothing when the workspace turned delivery off. Returns the row ids.
 */
export async function recordLicenseDeliveries(
  tx: DbOrTx,
  input: {
    workspaceId: string;
    customerId: string;
    orderId: string | null;
    licenseIds: string[];
    reason: LicenseDeliveryReason;
    actor: string;
  },
): Promise<string[]> {
  const { workspaceId, licenseIds } = input;
  if (licenseIds.length === 0) return [];
  const [workspace] = await tx
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (workspace?.settings.deliverLicenses === false) return [];
  const [customer] = await tx
    .select({ email: customers.email })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, input.customerId)));
  if (!customer) return [];
  const users = await tx
    .select({ licenseId: licenseUsers.licenseId, email: licenseUsers.email })
    .from(licenseUsers)
    .where(and(eq(licenseUsers.workspaceId, workspaceId), inArray(licenseUsers.licenseId, licenseIds)));
  const customerEmail = customer.email.toLowerCase();
  const invited = new Map<string, string[]>();
  for (const u of users) {
    const email = u.email.toLowerCase();
    if (email === customerEmail) continue;
    invited.set(email, [...(invited.get(email) ?? []), u.licenseId]);
  }
  const base = {
    workspaceId,
    customerId: input.customerId,
    orderId: input.orderId,
    reason: input.reason,
    actor: input.actor,
  };
  const rows = await tx
    .insert(licenseDeliveries)
    .values([
      { ...base, recipient: customer.email, licenseIds },
      ...[...invited].map(([recipient, ids]) => ({ ...base, recipient, licenseIds: ids })),
    ])
    .returning({ id: licenseDeliveries.id });
  return rows.map((r) => r.id);
}

/**
 * Records the invitation of one license user added after the license was created (by its
 * manager), in the caller's transaction: the mail goes to that user alone, with that license
 * only. Nothing when the workspace turned delivery off. Returns the row ids.
 */
export async function recordUserInvitation(
  tx: DbOrTx,
  input: {
    workspaceId: string;
    customerId: string;
    orderId: string | null;
    licenseId: string;
    email: string;
    actor: string;
  },
): Promise<string[]> {
  const [workspace] = await tx
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId));
  if (workspace?.settings.deliverLicenses === false) return [];
  const rows = await tx
    .insert(licenseDeliveries)
    .values({
      workspaceId: input.workspaceId,
      customerId: input.customerId,
      orderId: input.orderId,
      recipient: input.email,
      licenseIds: [input.licenseId],
      reason: 'user_added',
      actor: input.actor,
    })
    .returning({ id: licenseDeliveries.id });
  return rows.map((r) => r.id);
}
