import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licensePolicies } from '../db/schema/index';
import type { CatalogProductInput } from './catalog-document';
import type { Product } from './catalog-product';
import { changedColumns } from './changed-columns';
import { findPolicyProblems } from './find-policy-problems';
import type { ImportTally } from './import-tally';
import { loadPolicyContext } from './load-policy-context';
import { setDefaultPolicy } from './set-default-policy';
import { toPolicyColumns } from './to-policy-columns';

/**
 * Upserts a catalog entry's policies by code, after its features and custom fields so policies can
 * grant them. The default is the policy marked `is_default`; when none is marked, an existing
 * default stays, and a product without one gets its first listed policy.
 */
export async function upsertProductPolicies(options: {
  tx: DbOrTx;
  product: Product;
  input: CatalogProductInput;
  field: string;
  tally: ImportTally;
  problems: Record<string, string>;
}): Promise<void> {
  const { tx, product, input, field, tally, problems } = options;
  if (input.policies.length === 0) return;
  const context = await loadPolicyContext({ tx, product });
  const created = new Set<string>();
  const updated = new Set<string>();
  const ids: string[] = [];
  for (const [i, policy] of input.policies.entries()) {
    for (const [path, problem] of Object.entries(findPolicyProblems(policy, context))) {
      problems[`${field}.policies[${i}].${path}`] = problem;
    }
    const columns = toPolicyColumns(policy);
    const [inserted] = await tx
      .insert(licensePolicies)
      .values({ workspaceId: product.workspaceId, productId: product.id, code: policy.code, ...columns })
      .onConflictDoNothing({ target: [licensePolicies.productId, licensePolicies.code] })
      .returning();
    if (inserted) {
      created.add(inserted.id);
      ids.push(inserted.id);
      continue;
    }
    const where = and(eq(licensePolicies.productId, product.id), eq(licensePolicies.code, policy.code));
    const [existing] = await tx.select().from(licensePolicies).where(where);
    ids.push(existing!.id);
    const changes = changedColumns(existing!, columns);
    if (Object.keys(changes).length === 0) continue;
    updated.add(existing!.id);
    await tx.update(licensePolicies).set(changes).where(where);
  }

  const marked = input.policies.findIndex((p) => p.is_default);
  const [currentDefault] = await tx
    .select({ id: licensePolicies.id })
    .from(licensePolicies)
    .where(and(eq(licensePolicies.productId, product.id), eq(licensePolicies.isDefault, true)));
  if (marked >= 0 || !currentDefault) {
    const changed = await setDefaultPolicy({
      tx,
      productId: product.id,
      policyId: ids[Math.max(marked, 0)]!,
    });
    for (const id of changed) updated.add(id);
  }
  tally.created.policies += created.size;
  tally.updated.policies += [...updated].filter((id) => !created.has(id)).length;
}
