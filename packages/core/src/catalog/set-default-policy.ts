import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licensePolicies } from '../db/schema/index';

/**
 * Makes one policy its product's default and unsets the others. Call it inside the transaction
 * that holds `lockProduct`. Returns the ids of the policies that changed (none when it already was
 * the default).
 */
export async function setDefaultPolicy(options: {
  tx: DbOrTx;
  productId: string;
  policyId: string;
}): Promise<string[]> {
  const { tx, productId, policyId } = options;
  const unset = await tx
    .update(licensePolicies)
    .set({ isDefault: false })
    .where(
      and(
        eq(licensePolicies.productId, productId),
        ne(licensePolicies.id, policyId),
        eq(licensePolicies.isDefault, true),
      ),
    )
    .returning({ id: licensePolicies.id });
  const set = await tx
    .update(licensePolicies)
    .set({ isDefault: true })
    .where(and(eq(licensePolicies.id, policyId), eq(licensePolicies.isDefault, false)))
    .returning({ id: licensePolicies.id });
  return [...unset, ...set].map((p) => p.id);
}
