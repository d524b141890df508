import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { licensePolicies } from '../db/schema/index';
import { ConflictError } from '../errors/conflict-error';
import { InvalidInputError } from '../errors/invalid-input-error';
import { findPolicyProblems } from './find-policy-problems';
import { loadPolicyContext } from './load-policy-context';
import { lockProduct } from './lock-product';
import type { PolicyInput } from './policy-input';
import { setDefaultPolicy } from './set-default-policy';
import { toPolicyColumns } from './to-policy-columns';

export type Policy = typeof licensePolicies.$inferSelect;

/**
 * Adds a policy to a product. It becomes the default when `is_default` is set or when the product
 * has no default yet, so a product with policies always has exactly one.
 */
export async function createPolicy(options: {
  db: Db;
  workspaceId: string;
  shortCode: string;
  input: PolicyInput;
}): Promise<Policy> {
  const { db, workspaceId, shortCode, input } = options;
  return db.transaction(async (tx) => {
    const product = await lockProduct({ tx, workspaceId, shortCode });
    const problems = findPolicyProblems(input, await loadPolicyContext({ tx, product }));
    if (Object.keys(problems).length > 0) throw new InvalidInputError(problems);
    const [policy] = await tx
      .insert(licensePolicies)
      .values({ workspaceId, productId: product.id, code: input.code, ...toPolicyColumns(input) })
      .onConflictDoNothing({ target: [licensePolicies.productId, licensePolicies.code] })
      .returning();
    if (!policy)
      throw new ConflictError('code', `policy ${input.code} of product ${shortCode} already exists`);
    const [currentDefault] = await tx
      .select({ id: licensePolicies.id })
      .from(licensePolicies)
      .where(and(eq(licensePolicies.productId, product.id), eq(licensePolicies.isDefault, true)));
    if (!input.is_default && currentDefault) return policy;
    await setDefaultPolicy({ tx, productId: product.id, policyId: policy.id });
    return { ...policy, isDefault: true };
  });
}
