import { appReleasedAt } from './app-released-at';
import { decideLicenseUse } from './decide-license-use';
import type { LastCheckBuffer } from './last-check-buffer';
import type { AppFacts, LicenseApiInput } from './license-api-input';
import { LicenseRefusedError, refuse } from './license-refusal';
import { resolveLicense } from './resolve-license';
import { type LicenseState, toLicenseState } from './to-license-state';

/**
 * The license's current state for an activated machine, and a note of the check (written
 * behind by `lastChecks`). For a key this is one query. A license the machine may no longer use
 * is refused with its reason, and the state comes along so the app can show it.
 */
export async function checkLicense(
  input: LicenseApiInput & AppFacts & { lastChecks: LastCheckBuffer },
): Promise<{ activationId: string; license: LicenseState }> {
  const resolved = await resolveLicense(input.db, { ...input, productId: input.product.id });
  const { row } = resolved;
  if (!row.activationId) {
    return refuse('not_activated', 'this machine has no activation of the license; activate it first');
  }
  const license = toLicenseState(row, input.product.shortCode);
  const released = appReleasedAt(row.versionReleasedAt, input.appReleasedAt);
  const refusal = decideLicenseUse(row.license, { now: input.now, appReleasedAt: released });
  input.lastChecks.record({
    workspaceId: input.workspaceId,
    licenseId: row.license.id,
    activationId: row.activationId,
    at: input.now,
  });
  if (refusal) throw new LicenseRefusedError(refusal, license);
  return { activationId: row.activationId, license };
}
