import { eq } from 'drizzle-orm';
import { licenses } from '../db/schema/index';
import { appReleasedAt } from './app-released-at';
import { decideLicenseUse } from './decide-license-use';
import { decideConsumption } from './decide-seats';
import { toEffectiveTerms } from './effective-terms';
import type { AppFacts, LicenseApiInput } from './license-api-input';
import { LicenseRefusedError, refuse } from './license-refusal';
import { resolveLicense } from './resolve-license';

/**
 * Adds `amount` to a consumption license's total for the current period (the period reset lives
 * in `resetConsumption`) and answers the new total. Decided under the license's row lock, so
 * concurrent adds never pass the limit together. A refused amount adds nothing.
 */
export async function addConsumption(
  input: LicenseApiInput & AppFacts & { amount: number },
): Promise<{ total: number; overage: number; max_consumptions: number | null }> {
  const { db, now } = input;
  const { row } = await resolveLicense(db, { ...input, productId: input.product.id });
  const licenseId = row.license.id;
  const released = appReleasedAt(row.versionReleasedAt, input.appReleasedAt);
  return db.transaction(async (tx) => {
    const [license] = await tx.select().from(licenses).where(eq(licenses.id, licenseId)).for('update');
    if (!license)
      return refuse('invalid_credentials', 'no license of this product matches these credentials');
    const refusal = decideLicenseUse(license, { now, appReleasedAt: released });
    if (refusal) throw new LicenseRefusedError(refusal);
    const terms = toEffectiveTerms(license, row.policy);
    const decision = decideConsumption({
      isConsumption: license.licenseType === 'consumption',
      total: license.consumptionTotal,
      amount: input.amount,
      ...terms,
    });
    if (!decision.ok) throw new LicenseRefusedError(decision.refusal);
    await tx
      .update(licenses)
      .set({ consumptionTotal: decision.total, updatedAt: now })
      .where(eq(licenses.id, licenseId));
    return { total: decision.total, overage: decision.overage, max_consumptions: terms.maxConsumptions };
  });
}
