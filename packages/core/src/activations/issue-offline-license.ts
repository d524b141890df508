import type { OfflineLicenseFile } from '../license-signing/offline-license-file';
import { toOfflineLicenseFile } from '../license-signing/offline-license-file';
import type { ProductKeyring } from '../license-signing/product-keyring';
import { activateLicense } from './activate-license';
import type { AppFacts, LicenseApiInput } from './license-api-input';

/**
 * A signed license file for a machine that cannot reach the server. It activates the machine
 * first (idempotent, with every activation rule), so an offline machine holds a seat like any
 * other and deactivating it frees one. The file is good until the license's `valid_until`.
 */
export async function issueOfflineLicense(
  input: LicenseApiInput & AppFacts & { keyring: ProductKeyring },
): Promise<OfflineLicenseFile> {
  const { activation, license } = await activateLicense(input);
  const key = await input.keyring.keyFor(input.workspaceId, input.product.id);
  return toOfflineLicenseFile(
    {
      license,
      activation_id: activation.id,
      hardware_id: activation.hardwareId,
      issued_at: input.now.toISOString(),
      expires_at: license.valid_until,
    },
    key,
  );
}
