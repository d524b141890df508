import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customers, licenseActivations, licenses, licenseUsers, passwordSetTokens } from '../db/schema/index';
import { recordUserInvitation } from '../deliveries/record-license-deliveries';
import { InvalidInputError } from '../errors/invalid-input-error';
import { recordActivity } from '../history/record-activity';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';
import { deactivateActivation } from './deactivate-activation';
import { LicenseRefusedError, refuse } from './license-refusal';
import { resolveLicense } from './resolve-license';

interface ManagerInput {
  db: Db;
  workspaceId: string;
  product: { id: string; shortCode: string };
  /** The license manager's own sign-in. */
  credentials: { email: string; password: string };
  now: Date;
}

/**
 * Signs the manager in and checks they manage the license: a license user marked manager, or
 * the license's customer when the license says its customer manages it (`is_license_manager`).
 */
async function signInManager(input: ManagerInput) {
  const { row, userEmail } = await resolveLicense(input.db, {
    ...input,
    productId: input.product.id,
    hardwareId: null,
  });
  const [user] = await input.db
    .select({ isManager: licenseUsers.isManager, customerEmail: customers.email })
    .from(licenseUsers)
    .innerJoin(licenses, eq(licenses.id, licenseUsers.licenseId))
    .innerJoin(customers, eq(customers.id, licenses.customerId))
    .where(and(eq(licenseUsers.licenseId, row.license.id), eq(licenseUsers.email, userEmail ?? '')));
  const manages =
    user && (user.isManager || (row.license.isLicenseManager && user.customerEmail === userEmail));
  if (!manages)
    return refuse('not_license_manager', 'only a license manager may manage the users of this license');
  return { license: row.license, manager: userEmail as string };
}

export async function listLicenseUsers(input: ManagerInput) {
  const { license } = await signInManager(input);
  const users = await input.db
    .select()
    .from(licenseUsers)
    .where(eq(licenseUsers.licenseId, license.id))
    .orderBy(asc(licenseUsers.email));
  return {
    license_id: license.id,
    max_license_users: license.maxLicenseUsers,
    users: users.map((u) => ({
      email: u.email,
      is_manager: u.isManager,
      password_set: u.passwordHash !== null,
    })),
  };
}

/**
 * Adds a user, who then sets a password through the invitation link. Idempotent: adding a user
 * already there changes nothing. Refused past `max_license_users`, counted under the license lock.
 */
export async function addLicenseUser(input: ManagerInput & { email: string; isManager?: boolean }) {
  const { license, manager } = await signInManager(input);
  const email = input.email.trim().toLowerCase();
  const added = await input.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ orderId: licenses.orderId })
      .from(licenses)
      .where(eq(licenses.id, license.id))
      .for('update');
    const [n] = await tx
      .select({ n: count() })
      .from(licenseUsers)
      .where(eq(licenseUsers.licenseId, license.id));
    const [there] = await tx
      .select({ email: licenseUsers.email })
      .from(licenseUsers)
      .where(and(eq(licenseUsers.licenseId, license.id), eq(licenseUsers.email, email)));
    if (there) return false;
    if (license.maxLicenseUsers !== null && (n?.n ?? 0) >= license.maxLicenseUsers) {
      throw new LicenseRefusedError({
        reason: 'license_users_full',
        message: `the license already has its ${license.maxLicenseUsers} users`,
        detail: { max_license_users: license.maxLicenseUsers },
      });
    }
    await tx.insert(licenseUsers).values({
      workspaceId: input.workspaceId,
      licenseId: license.id,
      email,
      isManager: input.isManager ?? false,
    });
    // The invitation is owed by the same commit, like the mails of new licenses.
    await recordUserInvitation(tx, {
      workspaceId: input.workspaceId,
      customerId: license.customerId,
      orderId: locked?.orderId ?? null,
      licenseId: license.id,
      email,
      actor: `user:${manager}`,
    });
    await enqueueSyncIntent(tx, input.workspaceId, 'license', [license.id]);
    await recordActivity(tx, {
      workspaceId: input.workspaceId,
      kind: 'license.user_added',
      subjects: [`license:${license.id}`, `email:${email}`],
      outcome: 'ok',
      message: `user ${email} added by license manager ${manager}`,
      detail: { actor: `user:${manager}` },
    });
    return true;
  });
  return { added };
}

/** Removes a user and frees the machines they activated. A manager cannot remove themself. */
export async function removeLicenseUser(input: ManagerInput & { email: string }) {
  const { license, manager } = await signInManager(input);
  const email = input.email.trim().toLowerCase();
  if (email === manager) throw new InvalidInputError({ email: 'a license manager cannot remove themself' });
  const removed = await input.db.transaction(async (tx) => {
    const gone = await tx
      .delete(licenseUsers)
      .where(and(eq(licenseUsers.licenseId, license.id), eq(licenseUsers.email, email)))
      .returning({ email: licenseUsers.email });
    if (gone.length === 0) return false;
    // Their invitation links die with them (the link page checks too, for links issued in a race).
    await tx
      .delete(passwordSetTokens)
      .where(and(eq(passwordSetTokens.licenseId, license.id), eq(passwordSetTokens.email, email)));
    await enqueueSyncIntent(tx, input.workspaceId, 'license', [license.id]);
    await recordActivity(tx, {
      workspaceId: input.workspaceId,
      kind: 'license.user_removed',
      subjects: [`license:${license.id}`, `email:${email}`],
      outcome: 'ok',
      message: `user ${email} removed by license manager ${manager}`,
      detail: { actor: `user:${manager}` },
    });
    return true;
  });
  const machines = await input.db
    .select({ id: licenseActivations.id })
    .from(licenseActivations)
    .where(
      and(
        eq(licenseActivations.licenseId, license.id),
        eq(licenseActivations.userEmail, email),
        isNull(licenseActivations.deactivatedAt),
      ),
    );
  for (const m of machines) {
    await deactivateActivation({
      db: input.db,
      workspaceId: input.workspaceId,
      ref: { activationId: m.id },
      actor: `user:${manager}`,
    });
  }
  return { removed, machines_freed: machines.length };
}
