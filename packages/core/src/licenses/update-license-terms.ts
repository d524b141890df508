import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licenseCustomFields, licenseFeatures, licenses, licenseUsers } from '../db/schema/index';
import { recordActivity } from '../history/record-activity';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';
import { emitLicenseEvents } from '../webhooks/emit-license-events';
import type { License, LicenseDraft } from './create-licenses';

/**
 * A plan change within one product: brings licenses that exist under a draft's key to the draft's
 * terms (policy, type, sizes, features, custom fields, the price), keeping their ids and keys.
 * Validity and enabled state are not touched here: the subscription's state decides those. Only a
 * license of the draft's product whose price differs is changed, so replaying it changes nothing.
 * Returns the changed ids.
 */
export async function updateLicenseTerms(
  db: DbOrTx,
  input: { workspaceId: string; pairs: { license: License; draft: LicenseDraft }[] },
): Promise<string[]> {
  const { workspaceId } = input;
  const changed: string[] = [];
  for (const { license, draft } of input.pairs) {
    if (license.productId !== draft.productId || license.stripePriceId === draft.stripePriceId) continue;
    await db
      .update(licenses)
      .set({
        policyId: draft.policyId ?? null,
        licenseType: draft.licenseType,
        isTrial: draft.isTrial ?? false,
        maxActivations: draft.maxActivations ?? 1,
        floatingCloud: draft.floatingCloud ?? null,
        maxLicenseUsers: draft.maxLicenseUsers ?? null,
        isLicenseManager: draft.isLicenseManager ?? false,
        maintenanceUntil: draft.maintenanceUntil ?? null,
        stripePriceId: draft.stripePriceId ?? null,
        updatedAt: new Date(),
      })
      .where(and(eq(licenses.workspaceId, workspaceId), eq(licenses.id, license.id)));
    await db.delete(licenseFeatures).where(eq(licenseFeatures.licenseId, license.id));
    if (draft.features.length > 0) {
      await db.insert(licenseFeatures).values(
        draft.features.map((f) => ({
          workspaceId,
          licenseId: license.id,
          code: f.code,
          maxConsumption: f.maxConsumption ?? null,
        })),
      );
    }
    await db.delete(licenseCustomFields).where(eq(licenseCustomFields.licenseId, license.id));
    const fields = Object.entries(draft.customFields);
    if (fields.length > 0) {
      await db
        .insert(licenseCustomFields)
        .values(fields.map(([name, value]) => ({ workspaceId, licenseId: license.id, name, value })));
    }
    if (draft.users.length > 0) {
      await db
        .insert(licenseUsers)
        .values(draft.users.map((u) => ({ workspaceId, licenseId: license.id, ...u })))
        .onConflictDoNothing();
    }
    await recordActivity(db, {
      workspaceId,
      kind: 'license.plan_changed',
      subjects: [`license:${license.id}`, `stripe:${license.stripePriceId}`, `stripe:${draft.stripePriceId}`],
      outcome: 'ok',
      message: `price ${license.stripePriceId} → ${draft.stripePriceId}: terms updated in place`,
    });
    changed.push(license.id);
  }
  await enqueueSyncIntent(db, workspaceId, 'license', changed);
  await emitLicenseEvents(db, workspaceId, changed, 'license.updated');
  return changed;
}
