import { and, count, eq, gt, lte, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { floatingLeases, licenses } from '../db/schema/index';
import { appReleasedAt } from './app-released-at';
import { decideLicenseUse } from './decide-license-use';
import { decideFloatingBorrow } from './decide-seats';
import { toEffectiveTerms } from './effective-terms';
import type { AppFacts, LicenseApiInput } from './license-api-input';
import { LicenseRefusedError, refuse } from './license-refusal';
import { resolveLicense } from './resolve-license';

export interface FloatingLease {
  license_id: string;
  hardware_id: string;
  expires_at: string;
  floating_cloud: number | null;
  floating_in_use: number;
}

/**
 * Locks the license for the rest of the transaction and refuses one the machine may not use.
 * Every borrow of a license takes this lock first, so N+1 borrows racing for N seats queue up
 * and the (N+1)th counts N live leases: exactly N succeed.
 */
async function lockUsableLicense(tx: DbOrTx, licenseId: string, now: Date, released: Date | null) {
  const [license] = await tx.select().from(licenses).where(eq(licenses.id, licenseId)).for('update');
  if (!license) return refuse('invalid_credentials', 'no license of this product matches these credentials');
  const refusal = decideLicenseUse(license, { now, appReleasedAt: released });
  if (refusal) throw new LicenseRefusedError(refusal);
  return license;
}

const leaseOf = (hardwareId: string, licenseId: string) =>
  and(eq(floatingLeases.licenseId, licenseId), eq(floatingLeases.hardwareId, hardwareId));

/** Takes (or renews) a floating seat for the machine, expiring after the floating timeout. */
export async function borrowFloatingSeat(input: LicenseApiInput & AppFacts): Promise<FloatingLease> {
  const { db, workspaceId, hardwareId, now } = input;
  const { row } = await resolveLicense(db, { ...input, productId: input.product.id });
  const licenseId = row.license.id;
  const released = appReleasedAt(row.versionReleasedAt, input.appReleasedAt);
  const expiresAt = new Date(
    now.getTime() + toEffectiveTerms(row.license, row.policy).floatingTimeoutMinutes * 60_000,
  );
  return db.transaction(async (tx) => {
    const license = await lockUsableLicense(tx, licenseId, now, released);
    // Expired leases free themselves: they are never counted, and are cleared here on the way.
    await tx
      .delete(floatingLeases)
      .where(and(eq(floatingLeases.licenseId, licenseId), lte(floatingLeases.expiresAt, now)));
    const [others] = await tx
      .select({ n: count() })
      .from(floatingLeases)
      .where(
        and(
          eq(floatingLeases.licenseId, licenseId),
          ne(floatingLeases.hardwareId, hardwareId),
          gt(floatingLeases.expiresAt, now),
        ),
      );
    const seatsHeldByOthers = others?.n ?? 0;
    const refusal = decideFloatingBorrow({ floatingCloud: license.floatingCloud, seatsHeldByOthers });
    if (refusal) throw new LicenseRefusedError(refusal);
    await tx
      .insert(floatingLeases)
      .values({ workspaceId, licenseId, hardwareId, borrowedAt: now, expiresAt })
      .onConflictDoUpdate({
        target: [floatingLeases.licenseId, floatingLeases.hardwareId],
        set: { borrowedAt: now, expiresAt },
      });
    return {
      license_id: licenseId,
      hardware_id: hardwareId,
      expires_at: expiresAt.toISOString(),
      floating_cloud: license.floatingCloud,
      floating_in_use: seatsHeldByOthers + 1,
    };
  });
}

/**
 * Renews the machine's live lease for another floating timeout. An expired or released lease is
 * not revived (its seat may be someone else's now): `lease_expired` tells the app to borrow.
 */
export async function heartbeatFloatingSeat(input: LicenseApiInput & AppFacts): Promise<FloatingLease> {
  const { db, hardwareId, now } = input;
  const { row } = await resolveLicense(db, { ...input, productId: input.product.id });
  const licenseId = row.license.id;
  const released = appReleasedAt(row.versionReleasedAt, input.appReleasedAt);
  const expiresAt = new Date(
    now.getTime() + toEffectiveTerms(row.license, row.policy).floatingTimeoutMinutes * 60_000,
  );
  const outcome = await db.transaction(async (tx) => {
    let license: typeof licenses.$inferSelect;
    try {
      license = await lockUsableLicense(tx, licenseId, now, released);
    } catch (err) {
      // A license that stopped working gives its seat back at once.
      await tx.delete(floatingLeases).where(leaseOf(hardwareId, licenseId));
      return { err };
    }
    const [renewed] = await tx
      .update(floatingLeases)
      .set({ expiresAt })
      .where(and(leaseOf(hardwareId, licenseId), gt(floatingLeases.expiresAt, now)))
      .returning();
    if (!renewed) return { err: null, lease: null };
    const [inUse] = await tx
      .select({ n: count() })
      .from(floatingLeases)
      .where(and(eq(floatingLeases.licenseId, licenseId), gt(floatingLeases.expiresAt, now)));
    return {
      err: null,
      lease: {
        license_id: licenseId,
        hardware_id: hardwareId,
        expires_at: expiresAt.toISOString(),
        floating_cloud: license.floatingCloud,
        floating_in_use: inUse?.n ?? 1,
      },
    };
  });
  if (outcome.err) throw outcome.err;
  if (!outcome.lease) return refuse('lease_expired', 'this machine holds no live lease; borrow a seat again');
  return outcome.lease;
}

/** Gives the machine's seat back. Idempotent: releasing twice answers `released: false`. */
export async function releaseFloatingSeat(input: LicenseApiInput): Promise<{ released: boolean }> {
  const { row } = await resolveLicense(input.db, { ...input, productId: input.product.id });
  const gone = await input.db
    .delete(floatingLeases)
    .where(and(leaseOf(input.hardwareId, row.license.id), gt(floatingLeases.expiresAt, input.now)))
    .returning({ id: floatingLeases.id });
  await input.db.delete(floatingLeases).where(leaseOf(input.hardwareId, row.license.id));
  return { released: gone.length > 0 };
}
