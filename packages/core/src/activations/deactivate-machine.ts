import { deactivateActivation } from './deactivate-activation';
import { LICENSE_API_ACTOR, type LicenseApiInput } from './license-api-input';
import { resolveLicense } from './resolve-license';

/**
 * The app frees its own machine's seat. Idempotent: a machine with no live activation answers
 * `deactivated: false`, not an error, so a retried call is harmless.
 */
export async function deactivateMachine(input: LicenseApiInput): Promise<{ deactivated: boolean }> {
  const { row, userEmail } = await resolveLicense(input.db, { ...input, productId: input.product.id });
  const freed = await deactivateActivation({
    db: input.db,
    workspaceId: input.workspaceId,
    ref: { licenseId: row.license.id, hardwareId: input.hardwareId },
    actor: userEmail ? `user:${userEmail}` : LICENSE_API_ACTOR,
  });
  return { deactivated: freed !== null };
}
