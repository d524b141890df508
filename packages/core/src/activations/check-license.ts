import { appReleasedAt } from './app-released-at';
import { decideLicenseUse } from './decide-license-use';
import type { LastCheckBuffer } from './last-check-buffer';
import type { AppFacts, LicenseApiInput } from './license-api-input';
import { LicenseRefusedError, refuse } from './license-refusal';
import { type LicenseRowCache, licenseRowCacheKey } from './license-row-cache';
import type { LicenseRow } from './read-license-state';
import { resolveLicense } from './resolve-license';
import { type LicenseState, toLicenseState } from './to-license-state';

/**
 * The license's current state for an activated machine, and a note of the check (written
 * behind by `lastChecks`). For a key this is one query. A license the machine may no longer use
 * is refused with its reason, and the state comes along so the app can show it.
 */
export async function checkLicense(
  input: LicenseApiInput & AppFacts & { lastChecks: LastCheckBuffer; rowCache?: LicenseRowCache },
): Promise<{ activationId: string; license: LicenseState }> {
  const row = await readCheckedRow(input);
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

/**
 * The row a check decides on: from `rowCache` for a key already checked on this machine, else
 * read. Only rows of an activated machine are cached; a user sign-in is never (its scrypt is the
 * point), nor a refused key (a new license must be found at once).
 */
async function readCheckedRow(
  input: LicenseApiInput & AppFacts & { rowCache?: LicenseRowCache },
): Promise<LicenseRow> {
  const { rowCache: cache, credentials } = input;
  const resolve = async () => (await resolveLicense(input.db, { ...input, productId: input.product.id })).row;
  if (!cache || !('licenseKey' in credentials)) return resolve();
  const key = licenseRowCacheKey(
    input.workspaceId,
    credentials.licenseKey,
    input.hardwareId,
    input.appVersion ?? '',
  );
  const nowMs = input.now.getTime();
  const hit = cache.get(key, nowMs);
  if (hit && hit.license.productId === input.product.id) return hit;
  const token = cache.begin();
  const row = await resolve();
  if (row.activationId) cache.set(key, row, nowMs, token);
  return row;
}
