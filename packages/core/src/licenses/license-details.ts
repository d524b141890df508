import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  customers,
  licenseCustomFields,
  licenseFeatures,
  licensePolicies,
  licenses,
  licenseUsers,
  products,
} from '../db/schema/index';

export type LicenseRow = typeof licenses.$inferSelect;

/** A license with what an operator needs beside it: product, policy, customer, features, users. */
export interface LicenseDetails {
  license: LicenseRow;
  productShortCode: string;
  policyCode: string | null;
  customer: { id: string; email: string };
  features: { code: string; maxConsumption: number | null }[];
  customFields: Record<string, string>;
  users: { email: string; isManager: boolean }[];
}

/** The workspace's licenses matching `filters`, joined with product, policy and customer. */
export function selectLicenses(db: DbOrTx, workspaceId: string, filters: (SQL | undefined)[]) {
  return db
    .select({
      license: licenses,
      productShortCode: products.shortCode,
      policyCode: licensePolicies.code,
      customer: { id: customers.id, email: customers.email },
    })
    .from(licenses)
    .innerJoin(products, eq(products.id, licenses.productId))
    .innerJoin(customers, eq(customers.id, licenses.customerId))
    .leftJoin(licensePolicies, eq(licensePolicies.id, licenses.policyId))
    .where(and(eq(licenses.workspaceId, workspaceId), ...filters))
    .$dynamic();
}

/** Adds features, custom fields and users to rows of `selectLicenses`, with three queries in all. */
export async function withLicenseDetails(
  db: DbOrTx,
  rows: Omit<LicenseDetails, 'features' | 'customFields' | 'users'>[],
): Promise<LicenseDetails[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.license.id);
  const workspaceId = rows[0]!.license.workspaceId;
  // One after another: `db` is often a transaction, whose single connection runs one query at a
  // time anyway (pg warns about, and will refuse, queries queued on a busy client).
  const features = await db
    .select()
    .from(licenseFeatures)
    .where(and(eq(licenseFeatures.workspaceId, workspaceId), inArray(licenseFeatures.licenseId, ids)));
  const fields = await db
    .select()
    .from(licenseCustomFields)
    .where(
      and(eq(licenseCustomFields.workspaceId, workspaceId), inArray(licenseCustomFields.licenseId, ids)),
    );
  const users = await db
    .select()
    .from(licenseUsers)
    .where(and(eq(licenseUsers.workspaceId, workspaceId), inArray(licenseUsers.licenseId, ids)));
  return rows.map((row) => {
    const mine = <T extends { licenseId: string }>(list: T[]) =>
      list.filter((x) => x.licenseId === row.license.id);
    return {
      ...row,
      features: mine(features)
        .map((f) => ({ code: f.code, maxConsumption: f.maxConsumption }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      customFields: Object.fromEntries(mine(fields).map((f) => [f.name, f.value])),
      users: mine(users)
        .map((u) => ({ email: u.email, isManager: u.isManager }))
        .sort((a, b) => a.email.localeCompare(b.email)),
    };
  });
}
