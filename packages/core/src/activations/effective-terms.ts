import type { licensePolicies, licenses } from '../db/schema/index';

export interface EffectiveTerms {
  floatingTimeoutMinutes: number;
  maxConsumptions: number | null;
  allowOverages: boolean;
  maxOverages: number | null;
}

export const DEFAULT_FLOATING_TIMEOUT_MINUTES = 30;

type LicenseTerms = Pick<
  typeof licenses.$inferSelect,
  'floatingTimeoutMinutes' | 'maxConsumptions' | 'allowOverages' | 'maxOverages'
>;
type PolicyTerms = Pick<
  typeof licensePolicies.$inferSelect,
  'floatingTimeoutMinutes' | 'maxConsumptions' | 'allowOverages' | 'maxOverages'
>;

/** A license's own term when set (a hand edit), else its policy's, else the default. Pure. */
export function toEffectiveTerms(license: LicenseTerms, policy: PolicyTerms | null): EffectiveTerms {
  return {
    floatingTimeoutMinutes:
      license.floatingTimeoutMinutes ?? policy?.floatingTimeoutMinutes ?? DEFAULT_FLOATING_TIMEOUT_MINUTES,
    maxConsumptions: license.maxConsumptions ?? policy?.maxConsumptions ?? null,
    allowOverages: license.allowOverages ?? policy?.allowOverages ?? false,
    maxOverages: license.maxOverages ?? policy?.maxOverages ?? null,
  };
}
