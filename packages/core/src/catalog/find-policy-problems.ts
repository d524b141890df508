import type { PolicyInput } from './policy-input';

export interface PolicyProductContext {
  authorizationMethod: 'license-key' | 'user';
  featureCodes: ReadonlySet<string>;
  customFieldNames: ReadonlySet<string>;
}

/** The rules of a policy that depend on its product; field paths are relative to the policy. */
export function findPolicyProblems(
  policy: PolicyInput,
  product: PolicyProductContext,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (policy.max_license_users !== undefined && product.authorizationMethod !== 'user') {
    problems.max_license_users = 'only allowed on products with user authorization';
  }
  policy.features.forEach((code, i) => {
    if (!product.featureCodes.has(code))
      problems[`features[${i}]`] = `unknown feature ${code} of this product`;
  });
  for (const name of Object.keys(policy.custom_field_values)) {
    if (!product.customFieldNames.has(name)) {
      problems[`custom_field_values.${name}`] = `unknown custom field ${name} of this product`;
    }
  }
  return problems;
}
