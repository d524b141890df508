import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { licenseActivations, licenses } from '../db/schema/index';
import { appReleasedAt } from './app-released-at';
import { decideLicenseUse } from './decide-license-use';
import { decideActivation } from './decide-seats';
import { type AppFacts, LICENSE_API_ACTOR, type LicenseApiInput } from './license-api-input';
import { LicenseRefusedError, refuse } from './license-refusal';
import { readLicenseRow } from './read-license-state';
import { recordActivationChange } from './record-activation-change';
import { resolveLicense } from './resolve-license';
import { type LicenseState, toLicenseState } from './to-license-state';

export type Activation = typeof licenseActivations.$inferSelect;

/**
 * Activates a machine on a license. Idempotent: the same machine again gets its existing
 * activation (its version and OS refreshed) and takes no second seat. The seat count is decided
 * under the license's row lock, so racing activations never pass `max_activations`.
 */
export async function activateLicense(
  input: LicenseApiInput & AppFacts,
): Promise<{ activation: Activation; created: boolean; license: LicenseState }> {
  const { db, workspaceId, hardwareId, now } = input;
  const resolved = await resolveLicense(db, { ...input, productId: input.product.id });
  const licenseId = resolved.row.license.id;
  const released = appReleasedAt(resolved.row.versionReleasedAt, input.appReleasedAt);

  const { activation, created } = await db.transaction(async (tx) => {
    const [license] = await tx.select().from(licenses).where(eq(licenses.id, licenseId)).for('update');
    if (!license)
      return refuse('invalid_credentials', 'no license of this product matches these credentials');
    const refusal = decideLicenseUse(license, { now, appReleasedAt: released });
    if (refusal) throw new LicenseRefusedError(refusal);
    const facts = { appVersion: input.appVersion ?? null, os: input.os ?? null };
    const [existing] = await tx
      .update(licenseActivations)
      .set(facts)
      .where(
        and(
          eq(licenseActivations.licenseId, licenseId),
          eq(licenseActivations.hardwareId, hardwareId),
          isNull(licenseActivations.deactivatedAt),
        ),
      )
      .returning();
    if (existing) return { activation: existing, created: false };

    const [live] = await tx
      .select({ n: count() })
      .from(licenseActivations)
      .where(and(eq(licenseActivations.licenseId, licenseId), isNull(licenseActivations.deactivatedAt)));
    const liveActivations = live?.n ?? 0;
    const seat = decideActivation({
      alreadyActive: false,
      liveActivations,
      maxActivations: license.maxActivations,
    });
    if (seat) throw new LicenseRefusedError(seat);
    const [inserted] = await tx
      .insert(licenseActivations)
      .values({
        workspaceId,
        licenseId,
        hardwareId,
        userEmail: resolved.userEmail,
        ...facts,
        activatedAt: now,
      })
      .returning();
    await tx
      .update(licenses)
      .set({ activationsInUse: sql`${liveActivations + 1}`, updatedAt: now })
      .where(eq(licenses.id, licenseId));
    await recordActivationChange(tx, {
      workspaceId,
      licenseId,
      licenseKey: license.licenseKey,
      kind: 'license.activated',
      hardwareId,
      actor: resolved.userEmail ? `user:${resolved.userEmail}` : LICENSE_API_ACTOR,
      message: `machine ${hardwareId} activated (${liveActivations + 1} of ${license.maxActivations})`,
      detail: { activation_id: inserted!.id, app_version: facts.appVersion, os: facts.os },
    });
    return { activation: inserted!, created: true };
  });

  const fresh = await readLicenseRow(db, { workspaceId, by: { licenseId }, hardwareId, now });
  return { activation, created, license: toLicenseState(fresh ?? resolved.row, input.product.shortCode) };
}
