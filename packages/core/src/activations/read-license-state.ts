import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licensePolicies, licenses } from '../db/schema/index';

/** What a license API answer says about a license, read in one query. */
export async function readLicenseRows(
  db: DbOrTx,
  input: {
    workspaceId: string;
    where: SQL | undefined;
    hardwareId: string | null;
    appVersion?: string | null;
    now: Date;
  },
) {
  const hardwareId = input.hardwareId ?? '';
  const now = input.now.toISOString();
  return db
    .select({
      license: licenses,
      policy: {
        floatingTimeoutMinutes: licensePolicies.floatingTimeoutMinutes,
        maxConsumptions: licensePolicies.maxConsumptions,
        allowOverages: licensePolicies.allowOverages,
        maxOverages: licensePolicies.maxOverages,
      },
      activationId: sql<string | null>`(select a.id from license_activations a
        where a.license_id = ${licenses.id} and a.hardware_id = ${hardwareId} and a.deactivated_at is null)`,
      features: sql<{ code: string; max_consumption: number | null }[]>`coalesce((select json_agg(
        json_build_object('code', f.code, 'max_consumption', f.max_consumption) order by f.code)
        from license_features f where f.license_id = ${licenses.id}), '[]'::json)`,
      customFields: sql<Record<string, string>>`coalesce((select json_object_agg(c.name, c.value)
        from license_custom_fields c where c.license_id = ${licenses.id}), '{}'::json)`,
      // Declared by the vendor in product_versions; null for a version it did not list.
      versionReleasedAt: sql<string | null>`(select v.released_at from product_versions v
        where v.product_id = ${licenses.productId} and v.version = ${input.appVersion ?? ''})`,
      floatingInUse: sql<number>`(select count(*)::int from floating_leases fl
        where fl.license_id = ${licenses.id} and fl.expires_at > ${now}::timestamptz)`,
    })
    .from(licenses)
    .leftJoin(licensePolicies, eq(licensePolicies.id, licenses.policyId))
    .where(and(eq(licenses.workspaceId, input.workspaceId), input.where));
}

export type LicenseRow = Awaited<ReturnType<typeof readLicenseRows>>[number];
